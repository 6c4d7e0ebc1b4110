package com.ticketledger.query.policy;

import com.ticketledger.query.consistency.ReadsProjection;
import com.ticketledger.web.openapi.ProblemAnswers;
import com.ticketledger.web.openapi.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** docs/api.md's SLA policy reads: the desk's roles, AUDITOR and ANALYST; a CLIENT reads its contract's instead. */
@RestController
@RequestMapping(path = "/api/sla-policies", produces = MediaType.APPLICATION_JSON_VALUE)
@ReadsProjection(SlaPolicyProjection.GROUP)
@Tag(name = "SLA policies", description = "The SLA policies as the ledger keeps them, each version immutable: a ticket"
        + " is measured by the version in force for its client's contract when it was opened.")
class SlaPolicyController {

    private static final String WHO = "\n\n**Who:** OPERATOR, ENGINEER, AUDITOR, ANALYST.";

    private final SlaPolicyReads reads;

    SlaPolicyController(SlaPolicyReads reads) {
        this.reads = reads;
    }

    @Operation(operationId = "listSlaPolicies", summary = "List the SLA policies",
            description = "Each policy with its version in force (the one a ticket opened now is stamped with), by"
                    + " name." + WHO)
    @GetMapping
    List<SlaPolicyVersionView> policies() {
        return reads.inForce();
    }

    @Operation(operationId = "getSlaPolicy", summary = "Read an SLA policy",
            description = "Its version in force with its terms, and every version (oldest first) without them." + WHO)
    @ProblemAnswers(ProblemResponse.NOT_FOUND)
    @GetMapping("/{name}")
    SlaPolicyView policy(@PathVariable String name) {
        return reads.policy(name).orElseThrow(() -> new SlaPolicyNotFound(name));
    }

    @Operation(operationId = "getSlaPolicyVersion", summary = "Read a version of an SLA policy",
            description = "That version's terms, as tickets opened under it are measured. A version that is not a"
                    + " whole number is a 400; one the policy does not have, a 404." + WHO)
    @ProblemAnswers({ProblemResponse.BAD_REQUEST, ProblemResponse.NOT_FOUND})
    @GetMapping("/{name}/versions/{version}")
    SlaPolicyVersionView version(@PathVariable String name, @PathVariable int version) {
        return reads.version(name, version).orElseThrow(() -> new SlaPolicyNotFound(name, version));
    }
}
