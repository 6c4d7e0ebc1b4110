package com.ticketledger.web.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ticketledger.web.access.AccessProperties;
import com.ticketledger.web.access.AccessRules;
import com.ticketledger.web.access.CachingPasswordAuthenticationProvider;
import com.ticketledger.web.access.CrossOriginProperties;
import com.ticketledger.web.access.DeskPasswords;
import com.ticketledger.web.access.DeskUsers;
import com.ticketledger.web.access.ProblemAuthenticationHandlers;
import com.ticketledger.web.access.ProblemCorsProcessor;
import com.ticketledger.web.problem.BodySizeLimitFilter;
import com.ticketledger.web.problem.LedgerProblemAdvice;
import com.ticketledger.web.problem.ProblemErrorReportValve;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import com.ticketledger.web.problem.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The HTTP ground both sides stand on: stateless HTTP Basic over the configured desk users, only
 * {@code /actuator/health} open (and what a side opens itself), problem+json for every error, a body size
 * limit, strict JSON reading, and CORS for the web pages of the configured origins.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication
@EnableConfigurationProperties({AccessProperties.class, HttpLimitsProperties.class, CrossOriginProperties.class})
public class LedgerWebAutoConfiguration {

    /** The headers a page may send with a command or a read (API.md), and those it may read in the answer. */
    static final List<String> CROSS_ORIGIN_REQUEST_HEADERS = List.of("Authorization", "Content-Type",
            "Idempotency-Key", "If-Match", "X-Ledger-Position", "X-Requested-With");
    static final List<String> CROSS_ORIGIN_EXPOSED_HEADERS = List.of("ETag", "Location", "X-Ledger-Position");

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public DeskUsers deskUsers(AccessProperties properties) {
        return new DeskUsers(properties);
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return DeskPasswords.encoder();
    }

    @Bean
    public CachingPasswordAuthenticationProvider deskAuthenticationProvider(DeskUsers users, PasswordEncoder encoder,
            AccessProperties properties, Clock clock) {
        return new CachingPasswordAuthenticationProvider(users, encoder, properties.credentialCacheTtl(), clock);
    }

    @Bean
    public ProblemWriter problemWriter(ObjectMapper objectMapper) {
        return new ProblemWriter(objectMapper);
    }

    @Bean
    public LedgerProblemAdvice ledgerProblemAdvice() {
        return new LedgerProblemAdvice();
    }

    @Bean
    public FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(HttpLimitsProperties limits,
            ProblemWriter writer) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(limits.maxBodySize().toBytes(), writer));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Even what Tomcat refuses before Spring sees it is answered as a problem, never an HTML page. */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorPages() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** Wrong types are errors, not guesses: "5" is not a number, 1.5 is not a count, trailing junk is refused. */
    @Bean
    public Jackson2ObjectMapperBuilderCustomizer strictJsonReading() {
        return builder -> builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                        MapperFeature.ALLOW_COERCION_OF_SCALARS);
    }

    /**
     * Which pages of other origins may call {@code /api} from a browser. Spring Security's {@code cors()} finds
     * this bean by its name and runs it before authentication, so a preflight needs no credentials; a refused
     * origin gets a 403 problem and no CORS headers.
     */
    @Bean
    public CorsFilter corsFilter(CrossOriginProperties properties, ProblemWriter writer) {
        CorsConfiguration pages = new CorsConfiguration();
        pages.setAllowedOrigins(properties.allowedOrigins());
        pages.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        pages.setAllowedHeaders(CROSS_ORIGIN_REQUEST_HEADERS);
        pages.setExposedHeaders(CROSS_ORIGIN_EXPOSED_HEADERS);
        pages.setMaxAge(Duration.ofMinutes(30));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", pages);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor(writer));
        return filter;
    }

    /** The CORS filter runs inside the security chain only; the servlet container must not run it again. */
    @Bean
    public FilterRegistrationBean<CorsFilter> corsFilterOutsideTheSecurityChain(CorsFilter corsFilter) {
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(corsFilter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    public SecurityFilterChain ledgerSecurity(HttpSecurity http, CachingPasswordAuthenticationProvider provider,
            ProblemWriter writer, ObjectProvider<AccessRules> sideRules) throws Exception {
        ProblemAuthenticationHandlers handlers = new ProblemAuthenticationHandlers(writer);
        http.csrf(csrf -> csrf.disable())
                .cors(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .authenticationProvider(provider)
                .httpBasic(basic -> basic.authenticationEntryPoint(handlers))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .headers(Customizer.withDefaults())
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll();
                    sideRules.orderedStream().forEach(side -> side.apply(rules));
                    rules.anyRequest().authenticated();
                });
        return http.build();
    }
}
