package com.ticketledger.command.api;

import com.ticketledger.web.problem.InvalidField;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ledger.tickets.categories}: one of the list, exactly; none at all when the list is empty. */
class CategoriesTest {

    static final List<String> DEFAULTS = List.of("network", "hardware", "software", "access", "other");

    @Test
    void aConfiguredCategoryOrNoneIsAccepted() {
        assertThatCode(() -> Categories.requireKnown(DEFAULTS, "network")).doesNotThrowAnyException();
        assertThatCode(() -> Categories.requireKnown(DEFAULTS, null)).doesNotThrowAnyException();
        assertThatCode(() -> Categories.requireKnown(List.of(), null)).doesNotThrowAnyException();
    }

    @Test
    void anotherCategoryIsRefusedNamingTheDesksList() {
        assertThatThrownBy(() -> Categories.requireKnown(DEFAULTS, "Network"))
                .isInstanceOfSatisfying(InvalidField.class, refused -> {
                    assertThat(refused.field()).isEqualTo("category");
                    assertThat(refused.messageKey()).isEqualTo("field.category");
                    assertThat(refused.arguments()).containsExactly("Network", "network, hardware, software, access, other");
                });
    }

    @Test
    void anyCategoryIsRefusedWhenTheDeskUsesNone() {
        assertThatThrownBy(() -> Categories.requireKnown(List.of(), "network"))
                .isInstanceOfSatisfying(InvalidField.class, refused -> {
                    assertThat(refused.field()).isEqualTo("category");
                    assertThat(refused.messageKey()).isEqualTo("field.category-unused");
                });
    }
}
