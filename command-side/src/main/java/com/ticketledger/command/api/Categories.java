package com.ticketledger.command.api;

import com.ticketledger.web.problem.InvalidField;

import java.util.List;

/** The {@code category} of an opening or a reclassification, checked against {@code ledger.tickets.categories}. */
final class Categories {

    private Categories() {
    }

    /**
     * A category must be one the desk configured, exactly; with none configured the desk does not use categories,
     * and any category is refused. No category at all is always fine: the field is optional.
     */
    static void requireKnown(List<String> configured, String category) {
        if (category == null) {
            return;
        }
        if (configured.isEmpty()) {
            throw new InvalidField("category", "field.category-unused");
        }
        if (!configured.contains(category)) {
            throw new InvalidField("category", "field.category", category, String.join(", ", configured));
        }
    }
}
