package com.ticketledger.command.api;

/**
 * What free text may contain. Control characters (NUL among them, which PostgreSQL text cannot hold and
 * which readers' screens mangle) are refused; multi-line fields may hold tabs and line breaks.
 */
final class TextRules {

    static final String SINGLE_LINE = "\\P{Cc}*";
    static final String MULTI_LINE = "[\\P{Cc}\\t\\n\\r]*";
    /** Validation messages: texts of the bundles, in the request's language. */
    static final String NO_CONTROL_CHARACTERS = "{ledger.validation.no-control-characters}";
    static final String NO_LINE_BREAKS = "{ledger.validation.one-line}";

    private TextRules() {
    }
}
