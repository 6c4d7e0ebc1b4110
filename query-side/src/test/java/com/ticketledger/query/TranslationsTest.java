package com.ticketledger.query;

import com.ticketledger.web.language.Translations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text the query side shows has an English and a Spanish version, with the same arguments. */
class TranslationsTest {

    @ParameterizedTest
    @ValueSource(strings = {"messages", "web-messages", "notifications"})
    void everyEnglishTextHasASpanishOneAndTheOtherWayRound(String bundle) {
        Translations.assertEveryTextInBothLanguages(bundle);
    }
}
