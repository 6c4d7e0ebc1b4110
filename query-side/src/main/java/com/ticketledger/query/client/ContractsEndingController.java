package com.ticketledger.query.client;

import com.ticketledger.query.consistency.ReadsProjection;
import com.ticketledger.web.problem.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The desk's report of contracts ending soon, from the clients projection (not the reporting one). */
@RestController
@ReadsProjection(ClientProjection.GROUP)
@Tag(name = "Reports and administration", description = "What analysts read, and the projections' upkeep.")
class ContractsEndingController {

    private final ClientReads reads;

    ContractsEndingController(ClientReads reads) {
        this.reads = reads;
    }

    @Operation(operationId = "getContractsEnding", summary = "Read the contracts ending soon",
            description = "The clients whose contract's last day is within the next `days` days (1 to 366, 30 by"
                    + " default; today included, in each client's time zone), soonest first, suspended ones"
                    + " included.")
    @GetMapping(path = "/api/reports/contracts-ending", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ClientView> contractsEnding(@Parameter(description = "How many days ahead, 1 to 366")
            @RequestParam(required = false) Integer days) {
        int within = days == null ? 30 : days;
        if (within < 1 || within > 366) {
            throw new InvalidField("days", "field.days");
        }
        return reads.contractsEnding(within);
    }
}
