package com.ticketledger.web.input;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.ticketledger.web.problem.InvalidField;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A request says only what the endpoint understands. A JSON body with a field the request record does not
 * have is refused (a misspelt {@code "visiblity"} must never fall back to a default and publish an internal
 * note), and so is a query parameter the endpoint does not read: both are a 400 problem naming the field,
 * before anything is written.
 *
 * <p>Only the HTTP converters read strictly: the ledger's own events are read by Axon's serializer, which
 * keeps ignoring fields it does not know so that an older reader can load a newer event.
 */
public class StrictInput implements WebMvcConfigurer, HandlerInterceptor {

    /** Only the ledger's own endpoints; framework endpoints (actuator, the OpenAPI document) keep their rules. */
    private static final String OWN_PACKAGE = "com.ticketledger.";

    /** Stands for "any name": a handler that takes every parameter as a map. */
    private static final String ANY = "*";

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final Map<HandlerMethod, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(json.getObjectMapper().copy()
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
            }
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**").order(Integer.MIN_VALUE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty() || !(handler instanceof HandlerMethod method)
                || !method.getBeanType().getName().startsWith(OWN_PACKAGE)) {
            return true;
        }
        Set<String> accepted = known.computeIfAbsent(method, StrictInput::parametersOf);
        for (String name : UriComponentsBuilder.newInstance().query(query).build().getQueryParams().keySet()) {
            String decoded = decode(name);
            if (!accepted.contains(decoded) && !accepted.contains(ANY)) {
                throw accepted.isEmpty() ? new InvalidField(decoded, "field.no-parameters")
                        : new InvalidField(decoded, "field.unknown-parameter",
                                String.join(", ", accepted.stream().sorted().toList()));
            }
        }
        return true;
    }

    private static String decode(String name) {
        try {
            return StringUtils.uriDecode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidField(name, "field.malformed-parameter");
        }
    }

    private static Set<String> parametersOf(HandlerMethod method) {
        Set<String> names = new HashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            parameter.initParameterNameDiscovery(NAMES);
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null && Map.class.isAssignableFrom(parameter.getParameterType())) {
                names.add(ANY);
            } else if (param != null) {
                String name = StringUtils.hasText(param.name()) ? param.name()
                        : StringUtils.hasText(param.value()) ? param.value() : parameter.getParameterName();
                if (name != null) {
                    names.add(name);
                }
            }
        }
        AcceptsParameters extra = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(),
                AcceptsParameters.class);
        if (extra != null) {
            names.addAll(List.of(extra.value()));
        }
        return Set.copyOf(names);
    }
}
