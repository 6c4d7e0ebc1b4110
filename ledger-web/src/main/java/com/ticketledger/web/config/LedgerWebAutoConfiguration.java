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
import com.ticketledger.web.access.LoginThrottle;
import com.ticketledger.web.access.PageSessions;
import com.ticketledger.web.access.ProblemAuthenticationHandlers;
import com.ticketledger.web.access.ProblemCorsProcessor;
import com.ticketledger.web.http.WholeResponseFilter;
import com.ticketledger.web.monitoring.CorrelationIdFilter;
import com.ticketledger.web.monitoring.MainPortHealthConfiguration;
import com.ticketledger.web.monitoring.ManagementServerRequests;
import com.ticketledger.web.input.StrictInput;
import com.ticketledger.web.problem.BodySizeLimitFilter;
import com.ticketledger.web.problem.LedgerProblemAdvice;
import com.ticketledger.web.problem.ProblemErrorReportValve;
import com.ticketledger.web.problem.ProblemTexts;
import com.ticketledger.web.problem.StoreUnavailableFilter;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import com.ticketledger.web.problem.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.web.servlet.MultipartAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.session.web.http.SessionRepositoryFilter;

import jakarta.servlet.MultipartConfigElement;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The HTTP ground both sides stand on: stateless HTTP Basic over the configured desk users and the web pages'
 * log-in session shared through PostgreSQL, only health ({@code /actuator/health}, {@code /livez},
 * {@code /readyz}) open on the main port (and what a side opens itself), the management port open to whoever can
 * reach its address, problem+json for every error, a body size limit, strict JSON reading, CORS for the web pages
 * of the configured origins, and each request's correlation id in the logging context.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        MultipartAutoConfiguration.class})
@ConditionalOnWebApplication
@EnableConfigurationProperties({AccessProperties.class, HttpLimitsProperties.class, CrossOriginProperties.class})
@Import(MainPortHealthConfiguration.class)
public class LedgerWebAutoConfiguration {

    /** The headers a page may send with a command or a read (docs/api.md), and those it may read in the answer. */
    static final List<String> CROSS_ORIGIN_REQUEST_HEADERS = List.of("Accept-Language", "Authorization", "Content-Type",
            "Idempotency-Key", "If-Match", "X-Ledger-Position", "X-Requested-With", "X-CSRF-TOKEN");
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
    public LoginThrottle loginThrottle(AccessProperties properties, Clock clock) {
        return new LoginThrottle(properties.loginLimits(), clock);
    }

    @Bean
    public CachingPasswordAuthenticationProvider deskAuthenticationProvider(DeskUsers users, PasswordEncoder encoder,
            AccessProperties properties, Clock clock, LoginThrottle throttle) {
        return new CachingPasswordAuthenticationProvider(users, encoder, properties.credentialCacheTtl(), clock,
                throttle);
    }

    /**
     * No observation (timer and span) around each of Spring Security's filters, each authentication and each
     * authorization: the ledger exports no traces, the request as a whole is timed ({@code http_server_requests}),
     * and those wrappers cost a few percent of every request's CPU (the benchmark's profile).
     */
    @Bean
    @ConditionalOnMissingBean
    public SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public ProblemTexts problemTexts(MessageSource messageSource) {
        return new ProblemTexts(messageSource);
    }

    @Bean
    public ProblemWriter problemWriter(ObjectMapper objectMapper, ProblemTexts texts) {
        return new ProblemWriter(objectMapper, texts);
    }

    /**
     * A request Spring Security's firewall refuses before any filter sees it (an encoded slash or dot segment, a
     * semicolon, a control character in the path or a header) is the same 400 problem as a request Tomcat refuses
     * ({@code rejected-request}), not Spring Boot's error page; the firewall's own rules stay as they are.
     */
    @Bean
    public RequestRejectedHandler problemForRejectedRequests(ProblemWriter writer) {
        return (request, response, rejected) -> writer.write(response, HttpStatus.BAD_REQUEST, "rejected-request");
    }

    @Bean
    public LedgerProblemAdvice ledgerProblemAdvice(ProblemTexts texts, HttpLimitsProperties limits) {
        return new LedgerProblemAdvice(texts, limits.maxFileBytes());
    }

    /** Every answer in one write with its length, around everything that writes one (see the filter). */
    @Bean
    public FilterRegistrationBean<WholeResponseFilter> wholeResponseFilter() {
        FilterRegistrationBean<WholeResponseFilter> registration = new FilterRegistrationBean<>(new WholeResponseFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(HttpLimitsProperties limits,
            ProblemWriter writer) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(limits.maxBodySize().toBytes(), writer,
                        limits.maxMultipartBytes(), limits.maxFileBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * The servlet container reads multipart bodies itself, past the body size filter's stream: it is held to the
     * same limits here, so that an upload over them is the same 413 however it was sent (Spring Boot's own
     * defaults, 1 MB a file, would disagree). Parts over 1 MiB wait in the container's temporary folder under
     * names of its own, never the uploader's.
     */
    @Bean
    @ConditionalOnMissingBean
    public MultipartConfigElement multipartConfigElement(HttpLimitsProperties limits) {
        return new MultipartConfigElement("", limits.maxFileBytes(), limits.maxMultipartBytes(), 1024 * 1024);
    }

    /** A side that records commands declares its own, which makes an id for every request without one. */
    @Bean
    @ConditionalOnMissingBean
    public CorrelationIdFilter correlationIdFilter() {
        return CorrelationIdFilter.givenOnly();
    }

    /** Around the session filter (which reads PostgreSQL): an unreachable store is a 503 problem there too. */
    @Bean
    public FilterRegistrationBean<StoreUnavailableFilter> storeUnavailableFilter(ProblemWriter writer) {
        FilterRegistrationBean<StoreUnavailableFilter> registration =
                new FilterRegistrationBean<>(new StoreUnavailableFilter(writer));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 10);
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

    /** Unknown JSON fields and query parameters are refused, not ignored. */
    @Bean
    public StrictInput strictInput() {
        return new StrictInput();
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
        pages.setAllowedMethods(List.of("GET", "POST", "PUT", "OPTIONS")); // PUT: the client register's contract and contacts
        pages.setAllowedHeaders(CROSS_ORIGIN_REQUEST_HEADERS);
        pages.setExposedHeaders(CROSS_ORIGIN_EXPOSED_HEADERS);
        // The pages send the session cookie (SameSite=Strict: both sides are one site) to these origins only.
        pages.setAllowCredentials(true);
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
    public PageSessions pageSessions(ProblemWriter writer, ObjectMapper objectMapper) {
        return new PageSessions(writer, objectMapper);
    }

    /**
     * Two ways in, one set of rules. REST clients send HTTP Basic on every request: stateless (no session is
     * read or made for them) and exempt from CSRF, since a browser never adds that header by itself. The web
     * pages log in once ({@code POST /api/login}) and then send the session cookie both sides recognise; every
     * unsafe request of a live session must carry its CSRF token, and {@code POST /api/logout} ends the session.
     */
    @Bean
    public SecurityFilterChain ledgerSecurity(HttpSecurity http, CachingPasswordAuthenticationProvider provider,
            ProblemWriter writer, PageSessions pageSessions, ObjectProvider<AccessRules> sideRules) throws Exception {
        ProblemAuthenticationHandlers handlers = new ProblemAuthenticationHandlers(writer);
        http.csrf(csrf -> csrf.ignoringRequestMatchers(PageSessions::csrfExempt))
                .cors(Customizer.withDefaults())
                // Spring Security's defaults for sessions: only the log-in makes one (no session-management filter,
                // which would save every authentication in a session, HTTP Basic's included).
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form
                        .loginPage(PageSessions.LOGIN) // no generated login page; the pages have their own form
                        .loginProcessingUrl(PageSessions.LOGIN)
                        .successHandler(pageSessions)
                        .failureHandler(pageSessions)
                        .withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
                            @Override
                            public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                                filter.setRequiresAuthenticationRequestMatcher(PageSessions::isLogIn);
                                return filter;
                            }
                        }))
                .logout(logout -> logout
                        .logoutUrl(PageSessions.LOGOUT)
                        .logoutSuccessHandler(pageSessions))
                // This provider alone, with no parent manager to ask again after a failure: one password check
                // per attempt, whether the user exists or not.
                .authenticationManager(new ProviderManager(provider))
                .httpBasic(basic -> basic.authenticationEntryPoint(handlers)
                        .withObjectPostProcessor(new ObjectPostProcessor<BasicAuthenticationFilter>() {
                            @Override
                            public <O extends BasicAuthenticationFilter> O postProcess(O filter) {
                                // Spring Security would keep the authentication in the session once one may exist.
                                filter.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
                                return filter;
                            }
                        }))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .headers(Customizer.withDefaults())
                .authorizeHttpRequests(rules -> {
                    // The management server (metrics, Prometheus, health with details) is the operator's: it
                    // listens on its own port, on 127.0.0.1 unless told otherwise, and asks no desk credentials.
                    rules.requestMatchers(new ManagementServerRequests()).permitAll();
                    rules.requestMatchers("/actuator/health", "/actuator/health/**", "/livez", "/readyz", "/error")
                            .permitAll();
                    sideRules.orderedStream().forEach(side -> side.apply(rules));
                    rules.anyRequest().authenticated();
                });
        return http.build();
    }
}
