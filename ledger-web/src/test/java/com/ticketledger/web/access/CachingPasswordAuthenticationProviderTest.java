package com.ticketledger.web.access;

import com.ticketledger.events.Role;
import com.ticketledger.events.SupportLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
                false, Duration.ofMinutes(10), LoginLimits.defaults()));
        clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
        provider = new CachingPasswordAuthenticationProvider(users, countingEncoder, Duration.ofMinutes(10), clock,
                new LoginThrottle(new LoginLimits(3, 5, Duration.ofMinutes(15), 1000), clock));
    }

    Authentication login(String user, String password) {
        return provider.authenticate(new UsernamePasswordAuthenticationToken(user, password));
    }

    Authentication loginFrom(String address, String user, String password) {
        UsernamePasswordAuthenticationToken attempt = new UsernamePasswordAuthenticationToken(user, password);
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return provider.authenticate(attempt);
    }

    @Test
    void anUnknownUserCostsOnePasswordCheckLikeAKnownOneWithAWrongPassword() {
        assertThatThrownBy(() -> login("mallory", "guess")).isInstanceOf(BadCredentialsException.class);
        assertThat(slowChecks).hasValue(1);

        assertThatThrownBy(() -> login("ana", "guess")).isInstanceOf(BadCredentialsException.class);
        assertThat(slowChecks).hasValue(2);
    }

    @Test
    void theStandInHashOfAnUnknownUserHasTheConfiguredUsersBcryptCost() {
        String[] compared = new String[1];
        PasswordEncoder spy = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return BCRYPT.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                compared[0] = encoded;
                return BCRYPT.matches(raw, encoded);
            }
        };
        DeskUsers users = new DeskUsers(new AccessProperties(List.of(new DeskUser("ana",
                "{bcrypt}" + new BCryptPasswordEncoder(6).encode("s3cret"), Role.ENGINEER, null, SupportLevel.L1)),
                false, Duration.ofMinutes(10), LoginLimits.defaults()));
        CachingPasswordAuthenticationProvider sixRounds = new CachingPasswordAuthenticationProvider(users, spy,
                Duration.ofMinutes(10), clock, new LoginThrottle(LoginLimits.defaults(), clock));

        assertThatThrownBy(() -> sixRounds.authenticate(new UsernamePasswordAuthenticationToken("mallory", "x")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(compared[0]).startsWith("{bcrypt}$2a$06$");
    }

    @Test
    void afterTooManyFailuresForOneUserTheNextAttemptIsRefusedWithoutCheckingThePassword() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> login("ana", "guess")).isInstanceOf(BadCredentialsException.class);
        }
        int checks = slowChecks.get();

        assertThatThrownBy(() -> login("ana", "s3cret")).isInstanceOf(LoginThrottled.class)
                .satisfies(refusal -> assertThat(((LoginThrottled) refusal).retryAfterSeconds()).isEqualTo(300));
        assertThat(slowChecks).as("no password checked while throttled").hasValue(checks);
    }

    @Test
    void anotherUserIsNotLockedOutByIt() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> login("mallory", "guess")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> login("mallory", "guess")).isInstanceOf(LoginThrottled.class);

        assertThat(login("ana", "s3cret").getName()).isNotNull();
    }

    @Test
    void theAllowanceComesBackOneAttemptAtATimeOverTheWindow() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> login("ana", "guess")).isInstanceOf(BadCredentialsException.class);
        }
        clock.advance(Duration.ofMinutes(5));

        assertThat(login("ana", "s3cret").getName()).isNotNull();
    }

    @Test
    void aSuccessfulLogInResetsTheUsersCount() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> login("ana", "guess")).isInstanceOf(BadCredentialsException.class);
        }
        login("ana", "s3cret");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> login("ana", "guess")).isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> login("ana", "guess")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void oneAddressTryingManyUserNamesIsRefusedAcrossThem() {
        for (int i = 0; i < 5; i++) {
            String user = "user-" + i;
            assertThatThrownBy(() -> loginFrom("203.0.113.9", user, "guess")).isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> loginFrom("203.0.113.9", "ana", "s3cret")).isInstanceOf(LoginThrottled.class);
        assertThat(loginFrom("198.51.100.7", "ana", "s3cret").getName()).as("another address").isNotNull();
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
    void aBurstOfConcurrentLogInsOfOneUserCostsOneBcryptCheck() throws Exception {
        int requests = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Authentication>> logins = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                logins.add(threads.submit(() -> {
                    start.await();
                    return login("ana", "s3cret");
                }));
            }
            start.countDown();
            for (Future<Authentication> login : logins) {
                assertThat(login.get(30, TimeUnit.SECONDS).isAuthenticated()).isTrue();
            }
        } finally {
            threads.shutdownNow();
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
                List.of(new DeskUser("bob", "{noop}bob", Role.OPERATOR, null, null)), false, Duration.ZERO, LoginLimits.defaults())))
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
