package com.ticketledger.query.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.ticketledger.events.Role;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.web.access.DeskPrincipal;
import com.ticketledger.web.access.DeskUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.ticketledger.web.access.PageSessions;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;

/**
 * Who is asking, and who the desk's engineers are: what the web pages need to log a person in and to offer an
 * assignment. Never a password hash.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "The desk", description = "Who is asking, and who the engineers are.")
class DeskDirectoryController {

    /**
     * The logged-in person: {@code organisation} for a CLIENT, {@code level} for an ENGINEER, else null; and for a
     * web page's session (never for HTTP Basic), the CSRF header its commands and its log-out must carry.
     */
    record Person(String name, Role role, String organisation, SupportLevel level,
            @JsonInclude(JsonInclude.Include.NON_NULL) PageSessions.CsrfHeader csrf) {
    }

    record Engineer(String name, SupportLevel level) {
    }

    private final DeskUsers users;

    DeskDirectoryController(DeskUsers users) {
        this.users = users;
    }

    @Operation(operationId = "getMe", summary = "Read who is logged in",
            description = "The logged-in person: `organisation` for a CLIENT, `level` for an ENGINEER, else null.")
    @GetMapping("/me")
    Person me(HttpServletRequest request) {
        DeskPrincipal principal = DeskPrincipal.current();
        return new Person(principal.name(), principal.role(), principal.organisation(), principal.level(),
                PageSessions.csrf(request).orElse(null));
    }

    /** By level, then by name. */
    @Operation(operationId = "listEngineers", summary = "List the desk's engineers",
            description = "By level, then by name.")
    @GetMapping("/engineers")
    List<Engineer> engineers() {
        return users.all().stream()
                .filter(user -> user.role() == Role.ENGINEER)
                .map(user -> new Engineer(user.name(), user.level()))
                .sorted(Comparator.comparing(Engineer::level, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Engineer::name))
                .toList();
    }
}
