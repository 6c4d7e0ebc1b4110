package com.ticketledger.web.access;

import com.ticketledger.events.Role;
import com.ticketledger.events.SupportLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingPasswordAuthenticationProviderTest {

    static final PasswordEncoder BCRYPT = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    final AtomicInteger slowChecks = new AtomicInteger();
    final PasswordEncoder countingEncoder = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return BCRYPT.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            slowChecks.incrementAndGet();
            return BCRYPT.matches(raw, encoded);
        }
    };

    MutableClock clock;
    CachingPasswordAuthenticationProvider provider;

    @BeforeEach
    void setUp() {
        DeskUsers users = new DeskUsers(new AccessProperties(List.of(
                new DeskUser("ana", BCRYPT.encode("s3cret"), Role.ENGINEER, null, SupportLevel.L1)),
                false, Duration.ofMinutes(10)));
        clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
        provider = new CachingPasswordAuthenticationProvider(users, countingEncoder, Duration.ofMinutes(10), clock);
    }

    Authentication login(String user, String password) {
        return provider.authenticate(new UsernamePasswordAuthenticationToken(user, password));
    }

    @Test
    void verifiedPasswordIsCheckedWithBcryptOnlyOnce() {
        for (int i = 0; i < 5; i++) {
            Authentication authentication = login("ana", "s3cret");
            assertThat(((DeskPrincipal) authentication.getPrincipal()).level()).isEqualTo(SupportLevel.L1);
            assertThat(authentication.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ENGINEER");
        }
        assertThat(slowChecks).hasValue(1);
    }

    @Test
    void wrongPasswordIsRefusedEvenAfterTheRightOneWasRemembered() {
        login("ana", "s3cret");
        assertThatThrownBy(() -> login("ana", "s3cret!")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login("ana", "")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void wrongPasswordIsNeverRemembered() {
        assertThatThrownBy(() -> login("ana", "guess")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login("ana", "guess")).isInstanceOf(BadCredentialsException.class);
        assertThat(slowChecks).hasValue(2);
    }

    @Test
    void unknownUserIsRefused() {
        assertThatThrownBy(() -> login("mallory", "s3cret")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void rememberedPasswordIsCheckedWithBcryptAgainAfterTheTimeToLive() {
        login("ana", "s3cret");
        clock.advance(Duration.ofMinutes(11));
        login("ana", "s3cret");
        assertThat(slowChecks).hasValue(2);
    }

    @Test
    void clearTextPasswordsAreRefusedInConfiguration() {
        assertThatThrownBy(() -> new DeskUsers(new AccessProperties(
                List.of(new DeskUser("bob", "{noop}bob", Role.OPERATOR, null, null)), false, Duration.ZERO)))
                .hasMessageContaining("clear-text");
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
