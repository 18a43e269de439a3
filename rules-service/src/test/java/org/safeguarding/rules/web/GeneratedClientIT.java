package org.safeguarding.rules.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.rules.cli.LocalTokens;
import org.safeguarding.rules.client.ApiClient;
import org.safeguarding.rules.client.ApiException;
import org.safeguarding.rules.client.api.DefaultApi;
import org.safeguarding.rules.client.api.RuleSetsApi;
import org.safeguarding.rules.client.model.AuditPageEntriesInner;
import org.safeguarding.rules.client.model.Incident;
import org.safeguarding.rules.client.model.Recommendation;
import org.safeguarding.rules.client.model.StoredVersion;
import org.safeguarding.rules.tables.EditedWorkbook;
import org.safeguarding.rules.tables.TableTemplate;

/**
 * An integrator's client, generated from the service's OpenAPI document by openapi-generator
 * (java, native; see the pom), against the packaged service: it decides, publishes a workbook,
 * activates it, rolls back, downloads and reads the audit trail. If the hand-written document
 * drifts from the service, this client stops compiling or working.
 */
class GeneratedClientIT {
    @TempDir
    Path work;
    @org.junit.jupiter.api.extension.RegisterExtension
    final PackagedService.Processes processes = new PackagedService.Processes();

    private static ApiClient client(int port, String token) {
        ApiClient client = new ApiClient().setScheme("http").setHost("127.0.0.1").setPort(port).setBasePath("");
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void a_generated_client_decides_publishes_activates_rolls_back_and_reads_the_audit() throws Exception {
        int port = 18111;
        LocalTokens.ensureKeys(work.resolve("keys"));
        String clientToken = LocalTokens.token(work.resolve("keys"), "generated-client", "decision-client", Duration.ofHours(1));
        String adminToken = LocalTokens.token(work.resolve("keys"), "generated-client-admin", "rules-admin", Duration.ofHours(1));
        PackagedService.start(work, port, processes);
        DefaultApi decisions = new DefaultApi(client(port, clientToken));
        RuleSetsApi ruleSets = new RuleSetsApi(client(port, adminToken));

        Recommendation emergency = decisions.decide(new Incident().immediateDanger(true));
        Assertions.assertThat(emergency.getPathway()).isEqualTo(Recommendation.PathwayEnum.EMERGENCY);
        Assertions.assertThat(emergency.getActions().get(0).getCode().getValue()).isEqualTo("CALL_999");

        String shipped = ruleSets.listRuleSets().getActive();
        File workbook = work.resolve(EditedWorkbook.NAME).toFile();
        Files.write(workbook.toPath(), EditedWorkbook.ofShipped().set(TableTemplate.CONTACTS_SHEET, "B5", "0300 555 0177").bytes());
        StoredVersion uploaded = ruleSets.uploadRuleSet(List.of(workbook), "Generated client", "Our local number");
        Assertions.assertThat(uploaded.getPassed()).isTrue();
        Assertions.assertThat(uploaded.getNote()).isEqualTo("Our local number");
        Assertions.assertThat(ruleSets.activateRuleSet(uploaded.getSha256(), null).getActive()).isTrue();
        Assertions.assertThat(texts(decisions.decide(new Incident()))).contains("0300 555 0177");

        ApiException refused = Assertions.catchThrowableOfType(() -> new RuleSetsApi(client(port, clientToken)).rollBack(null), ApiException.class);
        Assertions.assertThat(refused.getCode()).as("a decision client may not publish").isEqualTo(403);

        Assertions.assertThat(ruleSets.rollBack(null).getSha256()).isEqualTo(shipped);
        Assertions.assertThat(texts(decisions.decide(new Incident()))).doesNotContain("0300 555 0177");
        byte[] live = Files.readAllBytes(ruleSets.downloadWorkbook(shipped, null).toPath());
        Assertions.assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(live))).isEqualTo(shipped);

        List<AuditPageEntriesInner> audit = ruleSets.audit(0, 10).getEntries();
        Assertions.assertThat(audit).extracting(e -> e.getAction().getValue()).contains("upload", "activate", "rollback");
        Assertions.assertThat(audit).extracting(AuditPageEntriesInner::getSubject).contains("generated-client-admin");
    }

    private static String texts(Recommendation recommendation) {
        return String.join("\n", recommendation.getActions().stream().map(a -> a.getText()).toList());
    }
}
