package com.ticketledger.web.access;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic sends the password on every request; bcrypt is deliberately slow (tens of milliseconds), so
 * verifying it every time would cap each core at a few dozen requests per second. A password that bcrypt
 * accepted is remembered for a while as an HMAC-SHA-256 under a key that exists only in this process's memory,
 * and a later request with the same password is accepted by comparing digests in constant time. A wrong
 * password never enters the cache, and a changed password misses it and goes through bcrypt again.
 *
 * <p>A log-in costs the same whether the user name exists or not: an unknown name is checked against a
 * stand-in hash of the same algorithm and cost, so the time of a 401 does not tell which names are real.
 * Before any of that, {@link LoginThrottle} refuses attempts after too many failures.
 */
public class CachingPasswordAuthenticationProvider implements AuthenticationProvider {

    private record Verified(byte[] digest, Instant until) {
    }

    private final DeskUsers users;
    private final PasswordEncoder encoder;
    private final Duration ttl;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    /** A monitor per configured user name, for the one bcrypt check at a time. */
    private final Map<String, Object> checks = new ConcurrentHashMap<>();
    private final LoginThrottle throttle;
    private final String standIn;
    /** One MAC per request thread: a {@link Mac} is not thread-safe, and {@code doFinal} resets it for reuse. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public CachingPasswordAuthenticationProvider(DeskUsers users, PasswordEncoder encoder, Duration ttl, Clock clock,
            LoginThrottle throttle) {
        this.users = users;
        this.encoder = encoder;
        this.ttl = ttl;
        this.clock = clock;
        this.throttle = throttle;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        byte[] unguessable = new byte[32];
        new SecureRandom().nextBytes(unguessable);
        this.standIn = standInHash(users, unguessable);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        throttle.check(name, address);
        DeskUser user = users.find(name).orElse(null);
        if (user == null) {
            encoder.matches(password, standIn);
            throw refused(name, address);
        }

        byte[] digest = digest(name, password);
        if (!remembered(name, digest)) {
            // One bcrypt per user at a time: a burst of requests that all miss (a client's first seconds, or
            // after the time to live) waits for the first check instead of each paying tens of milliseconds.
            synchronized (checks.computeIfAbsent(name, any -> new Object())) {
                if (!remembered(name, digest)) {
                    if (!encoder.matches(password, user.passwordHash())) {
                        throw refused(name, address);
                    }
                    verified.put(name, new Verified(digest, clock.instant().plus(ttl)));
                }
            }
        }
        throttle.succeeded(name);
        return UsernamePasswordAuthenticationToken.authenticated(DeskPrincipal.of(user), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
    }

    private boolean remembered(String name, byte[] digest) {
        Verified known = verified.get(name);
        return known != null && clock.instant().isBefore(known.until())
                && MessageDigest.isEqual(known.digest(), digest);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private BadCredentialsException refused(String name, String address) {
        throttle.failed(name, address);
        return new BadCredentialsException("bad credentials");
    }

    /**
     * A hash nobody's password matches, made like the configured users' hashes (the first user's algorithm and
     * bcrypt cost), so that checking a password against it takes as long as checking a real one.
     */
    private String standInHash(DeskUsers users, byte[] random) {
        String unguessable = HexFormat.of().formatHex(random);
        String like = users.all().stream().map(DeskUser::passwordHash).findFirst().orElse("");
        OptionalInt cost = DeskPasswords.bcryptCost(like);
        if (cost.isPresent()) {
            return "{bcrypt}" + new BCryptPasswordEncoder(cost.getAsInt()).encode(unguessable);
        }
        return encoder.encode(unguessable);
    }

    private byte[] digest(String name, String password) {
        Mac mac = macs.get();
        mac.update(name.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    }

    /** A MAC under this process's key; looking the algorithm up for every request cost more than the MAC itself. */
    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
