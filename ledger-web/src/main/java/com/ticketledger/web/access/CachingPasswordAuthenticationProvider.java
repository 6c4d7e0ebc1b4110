package com.ticketledger.web.access;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic sends the password on every request; bcrypt is deliberately slow (tens of milliseconds), so
 * verifying it every time would cap each core at a few dozen requests per second. A password that bcrypt
 * accepted is remembered for a while as an HMAC-SHA-256 under a key that exists only in this process's memory,
 * and a later request with the same password is accepted by comparing digests in constant time. A wrong
 * password never enters the cache, and a changed password misses it and goes through bcrypt again.
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

    public CachingPasswordAuthenticationProvider(DeskUsers users, PasswordEncoder encoder, Duration ttl, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.ttl = ttl;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        DeskUser user = users.find(name).orElseThrow(() -> new BadCredentialsException("bad credentials"));

        byte[] digest = digest(name, password);
        Instant now = clock.instant();
        Verified known = verified.get(name);
        boolean remembered = known != null && now.isBefore(known.until())
                && MessageDigest.isEqual(known.digest(), digest);
        if (!remembered) {
            if (!encoder.matches(password, user.passwordHash())) {
                throw new BadCredentialsException("bad credentials");
            }
            verified.put(name, new Verified(digest, now.plus(ttl)));
        }
        return UsernamePasswordAuthenticationToken.authenticated(DeskPrincipal.of(user), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private byte[] digest(String name, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
