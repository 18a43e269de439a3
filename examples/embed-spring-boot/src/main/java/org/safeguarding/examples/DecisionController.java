package org.safeguarding.examples;

import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Recommendation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The MIS's own endpoint: an incident in the request shape, the recommendation in the wire format. */
@RestController
class DecisionController {
    private final DecisionEngine engine;

    DecisionController(DecisionEngine engine) {
        this.engine = engine;
    }

    @PostMapping(path = "/safeguarding/decisions", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Recommendation decide(@RequestBody Incident incident) {
        return engine.decide(incident);
    }
}
