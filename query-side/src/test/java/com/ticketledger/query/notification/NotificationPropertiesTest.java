package com.ticketledger.query.notification;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings the start refuses, naming the property, rather than a notification failing later. */
class NotificationPropertiesTest {

    private static NotificationProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("ledger.notifications", NotificationProperties.class);
    }

    @Test
    void aWebhookThatIsNotHttpIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("ledger.notifications.webhooks[0].url", "file:///etc/passwd",
                "ledger.notifications.webhooks[0].secret", "s")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("ledger.notifications.webhooks[0].url must be an http or https URL");
        assertThatThrownBy(() -> bind(Map.of("ledger.notifications.webhooks[0].url", "ftp://hooks.example/x",
                "ledger.notifications.webhooks[0].secret", "s")))
                .rootCause().hasMessageContaining("ledger.notifications.webhooks[0].url");
    }

    @Test
    void aWebhookWithoutASecretIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("ledger.notifications.webhooks[0].url", "https://hooks.example/x")))
                .rootCause().hasMessageContaining("ledger.notifications.webhooks[0].secret is required");
    }

    @Test
    void aLanguageOtherThanSpanishOrEnglishIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("ledger.notifications.language", "fr")))
                .rootCause().hasMessageContaining("ledger.notifications.language must be es-AR or en");
    }

    @Test
    void theDefaultsAreSpanishNoWebhooksAndAnHourlyCapOnTheBackOff() {
        NotificationProperties properties = bind(Map.of());
        assertThat(properties.language()).isEqualTo("es-AR");
        assertThat(properties.webhooks()).isEmpty();
        assertThat(properties.delivery().maxBackoff()).hasHours(1);
        assertThat(properties.delivery().maxAttempts()).isEqualTo(8);
        assertThat(properties.localMailServer().enabled()).isFalse();
    }
}
