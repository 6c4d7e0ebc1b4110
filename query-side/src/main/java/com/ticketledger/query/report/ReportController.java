package com.ticketledger.query.report;

import com.ticketledger.query.consistency.ReadsProjection;
import com.ticketledger.query.processing.ProcessingGroups;
import com.ticketledger.web.problem.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.StringJoiner;

/** The analysts' reports (docs/api.md), as JSON or, with {@code Accept: text/csv}, as CSV. */
@RestController
@RequestMapping("/api/reports")
@ReadsProjection(ProcessingGroups.REPORTS)
@Tag(name = "Reports and administration", description = "What analysts read, and the projections' upkeep.")
class ReportController {

    static final String CSV = "text/csv";

    private final Reports reports;
    private final Clock clock;

    ReportController(Reports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** Tickets opened in [from, to); by default the last 30 days, grouped by priority. */
    @Operation(operationId = "getSlaReport", summary = "Read the SLA compliance report",
            description = "Tickets opened in [from, to), the last 30 days by default, grouped by priority or by client"
                    + " (with the client's name and its contract's SLA policy):"
                    + " met and breached targets, compliance, mean and p90 business minutes to respond, to resolve"
                    + " and between updates to the client"
                    + " (open time of the priority's calendar, as the SLA clocks count it: time pending closure is"
                    + " not counted). JSON, or CSV with `Accept: text/csv`.")
    @GetMapping(path = "/sla", produces = MediaType.APPLICATION_JSON_VALUE)
    SlaReport sla(
            @Parameter(description = "The period's start (inclusive); 30 days before `to` by default",
                    schema = @Schema(type = "string", format = "date-time")) @RequestParam(required = false) String from,
            @Parameter(description = "The period's end (exclusive); now by default",
                    schema = @Schema(type = "string", format = "date-time")) @RequestParam(required = false) String to,
            @Parameter(schema = @Schema(allowableValues = {"priority", "client"}, defaultValue = "priority"))
            @RequestParam(defaultValue = "priority") String groupBy) {
        Instant now = clock.instant();
        Instant end = to == null ? now : instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : instant("from", from);
        if (!start.isBefore(end)) {
            throw new InvalidField("from", "field.before-to");
        }
        if (!groupBy.equals("client") && !groupBy.equals("priority")) {
            throw new InvalidField("groupBy", "field.group-by");
        }
        return reports.sla(start, end, groupBy, now);
    }

    @Operation(operationId = "getSlaReport")
    @GetMapping(path = "/sla", produces = CSV)
    String slaCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "priority") String groupBy) {
        StringBuilder csv = new StringBuilder("group,tickets,responseMet,responseBreached,resolutionMet,"
                + "resolutionBreached,compliancePercent,meanBusinessMinutesToRespond,p90BusinessMinutesToRespond,"
                + "meanBusinessMinutesToResolve,p90BusinessMinutesToResolve,cancelled,updateMet,updateBreached,"
                + "meanBusinessMinutesBetweenUpdates,p90BusinessMinutesBetweenUpdates,clientName,slaPolicy\r\n");
        for (SlaReport.Group group : sla(from, to, groupBy).groups()) {
            csv.append(line(group.group(), group.tickets(), group.responseMet(), group.responseBreached(),
                    group.resolutionMet(), group.resolutionBreached(), group.compliancePercent(),
                    group.meanBusinessMinutesToRespond(), group.p90BusinessMinutesToRespond(),
                    group.meanBusinessMinutesToResolve(), group.p90BusinessMinutesToResolve(), group.cancelled(),
                    group.updateMet(), group.updateBreached(), group.meanBusinessMinutesBetweenUpdates(),
                    group.p90BusinessMinutesBetweenUpdates(), group.clientName(), group.slaPolicy()));
        }
        return csv.toString();
    }

    @Operation(operationId = "getBacklogReport", summary = "Read the backlog",
            description = "The open tickets by level, priority and age bucket. JSON, or CSV with `Accept: text/csv`.")
    @GetMapping(path = "/backlog", produces = MediaType.APPLICATION_JSON_VALUE)
    Backlog backlog() {
        return reports.backlog(clock.instant());
    }

    @Operation(operationId = "getBacklogReport")
    @GetMapping(path = "/backlog", produces = CSV)
    String backlogCsv() {
        StringBuilder csv = new StringBuilder("level,priority,ageBucket,tickets\r\n");
        for (Backlog.Row row : backlog().rows()) {
            csv.append(line(row.level(), row.priority(), row.ageBucket(), row.tickets()));
        }
        return csv.toString();
    }

    /** One CSV record (RFC 4180): every value quoted when it holds a comma, a quote or a line break. */
    private static String line(Object... values) {
        StringJoiner line = new StringJoiner(",", "", "\r\n");
        for (Object value : values) {
            String text = value == null ? "" : value.toString();
            boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
            line.add(quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text);
        }
        return line.toString();
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "field.instant");
        }
    }
}
