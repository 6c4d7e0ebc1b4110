package com.ticketledger.query.admin;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping(path = "/api/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
class ProjectionAdminController {

    private final ProjectionAdmin admin;

    ProjectionAdminController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    List<ProjectionStatus> projections() {
        return admin.all();
    }

    /** 202: the rebuild runs on; watch it at {@code GET /api/admin/projections}. */
    @PostMapping("/{name}/rebuild")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name) {
        if (!admin.rebuild(name)) {
            throw new ProjectionNotFound(name);
        }
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections"))
                .body(admin.one(name).orElseThrow());
    }
}
