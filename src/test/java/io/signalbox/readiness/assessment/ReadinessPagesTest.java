package io.signalbox.readiness.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.FormSession;
import io.signalbox.testing.Tokens;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The readiness page and its forms without JavaScript: the owner saves and sees the verdict the draft would get and
 * the plan item each red needs; refusals beside the form by field; a form sent again after its draft was submitted is
 * a 409; the council's waiver form and the plan's "done" buttons; readers see no form.
 */
@QuarkusTest
class ReadinessPagesTest {

    String admin;
    String nora;
    String domain;
    LocalDate today;

    @BeforeEach
    void aDomainOwnedByNora() {
        admin = Tokens.accessToken("adam.admin", "admin");
        nora = Tokens.accessToken("nora.network", "network");
        domain = Descriptors.newDomainWithToken(admin, "nora.network");
        today = LocalDate.now(ZoneOffset.UTC);
        signInAs(nora);
    }

    @AfterEach
    void signOut() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    @Test
    void theOwnerSavesAndSeesTheVerdictAndThePlanItemEachRedNeeds() {
        Document empty = page();
        assertThat(empty.select("form.draft-form fieldset.criterion")).hasSize(6);
        assertThat(empty.select("#criterion-capacity .criterion__question").text())
                .contains("bandwidth");
        assertThat(empty.select("#criterion-capacity input[type=radio]")).hasSize(3);
        assertThat(empty.select("#criterion-capacity .evidence").text()).contains("Evidence from the catalog");
        assertThat(empty.select("a[href=/domains/" + domain + "]")).isNotEmpty();

        Response saved = session().post("/domains/" + domain + "/readiness/draft", oneRed(""));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.getHeader("Location")).endsWith("/domains/" + domain + "/readiness?done=saved");

        Document after = Jsoup.parse(
                given().get("/domains/" + domain + "/readiness?done=saved").asString());
        assertThat(after.select("[role=status]").text()).contains("The draft is saved");
        assertThat(after.select(".draft-verdict").text()).isEqualTo("Needs capability building");
        assertThat(after.select("#criterion-capacity .criterion__problem").text())
                .contains("plan item required");
        assertThat(after.select("#criterion-business-ownership .criterion__problem"))
                .isEmpty();
        assertThat(after.select("#criterion-capacity input[value=red]").hasAttr("checked"))
                .isTrue();
        assertThat(after.select("#justification-capacity").text()).isEqualTo("Two people run operations and data");
        assertThat(after.select("input[name=lockVersion]").val()).isEqualTo("1");
    }

    @Test
    void refusalsAreShownBesideTheFormByFieldWithWhatWasTyped() {
        Map<String, String> fields = oneRed("");
        fields.put("planItems[1].criterion", "capacity");
        fields.put("planItems[1].action", "Hire");
        fields.put("planItems[1].owner", "nora.network");
        fields.put("planItems[1].targetDate", "31/12/2027");
        Response refused = session().post("/domains/" + domain + "/readiness/draft", fields);
        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.asString());
        // The blank row 0 is left out: the typed row is row 0 when shown again.
        assertThat(page.select(".problems code").eachText()).containsExactly("planItems[0].targetDate");
        assertThat(page.select("#plan-0-target").val()).isEqualTo("31/12/2027");
        assertThat(page.select("#plan-0-action").val()).isEqualTo("Hire");
        assertThat(page.select(".plan-row").get(0).text()).contains("must be a date");
        assertThat(page.select("#justification-capacity").text()).isEqualTo("Two people run operations and data");
        assertThat(given().auth()
                        .oauth2(nora)
                        .get("/api/domains/" + domain + "/readiness")
                        .jsonPath()
                        .getBoolean("draftOpen"))
                .as("nothing was saved")
                .isFalse();

        Response notSubmitted = session().post("/domains/" + domain + "/readiness/draft/submission", oneRed(""));
        assertThat(notSubmitted.statusCode()).isEqualTo(422);
        Document shown = Jsoup.parse(notSubmitted.asString());
        assertThat(shown.select("[role=alert]").text()).contains("The draft is saved, but it cannot be submitted yet");
        assertThat(shown.select(".problems code").eachText()).containsExactly("answers.capacity.planItems");
        assertThat(shown.select("#criterion-capacity .criterion__problem").text())
                .contains("plan item required");
        assertThat(shown.select("input[name=lockVersion]").val()).isEqualTo("1");
    }

    @Test
    void aFormSentAgainAfterItsDraftWasSubmittedIsA409() {
        assertThat(session()
                        .post("/domains/" + domain + "/readiness/draft", oneRed(""))
                        .statusCode())
                .isEqualTo(303);
        Map<String, String> submission = oneRed("1");
        submission.put("planItems[0].criterion", "capacity");
        submission.put("planItems[0].action", "Hire a data engineer");
        submission.put("planItems[0].owner", "nora.network");
        submission.put("planItems[0].targetDate", today.plusDays(90).toString());
        Response submitted = session().post("/domains/" + domain + "/readiness/draft/submission", submission);
        assertThat(submitted.statusCode()).isEqualTo(303);
        assertThat(submitted.getHeader("Location")).endsWith("?done=submitted");

        Document page = page();
        assertThat(page.select("#latest .verdict__label").text()).isEqualTo("Needs capability building");
        assertThat(page.select("#latest").text())
                .contains("Hire a data engineer", "Two people run operations and data");
        assertThat(page.select(".history-table tbody tr")).hasSize(7);

        Response again = session().post("/domains/" + domain + "/readiness/draft/submission", submission);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(again.asString()).text()).contains("A submitted assessment never changes");
        assertThat(session()
                        .post("/domains/" + domain + "/readiness/draft", submission)
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void theCouncilWaivesFromThePageAndTheOwnerMarksThePlanDone() {
        Map<String, String> submission = oneRed("");
        submission.put("planItems[0].criterion", "capacity");
        submission.put("planItems[0].action", "Hire a data engineer");
        submission.put("planItems[0].owner", "nora.network");
        submission.put("planItems[0].targetDate", today.plusDays(90).toString());
        assertThat(session()
                        .post("/domains/" + domain + "/readiness/draft/submission", submission)
                        .statusCode())
                .isEqualTo(303);
        Document owners = page();
        assertThat(owners.select("form.waiver-form"))
                .as("the owner may not waive")
                .isEmpty();
        String done = owners.select("form[action$=/done]").attr("action");
        assertThat(session().post(done, Map.of()).statusCode()).isEqualTo(303);
        assertThat(page().select("#latest").text()).contains("by nora.network");

        signInAs(Tokens.accessToken("carla.council", "council"));
        Document councils = page();
        String waive = councils.select("form.waiver-form").attr("action");
        assertThat(councils.select("form.waiver-form input[name=criterion]").val())
                .isEqualTo("capacity");
        Response waived = session()
                .post(
                        waive,
                        Map.of(
                                "criterion",
                                "capacity",
                                "reason",
                                "A hire starts",
                                "expiresOn",
                                today.plusDays(30).toString()));
        assertThat(waived.statusCode()).isEqualTo(303);
        Document after = page();
        assertThat(after.select("#latest .verdict__label").text()).isEqualTo("Ready to pilot");
        assertThat(after.select("#latest").text()).contains("waived: counts as amber", "A hire starts");
    }

    @Test
    void aReaderSeesTheReadinessButNoFormAndCannotPostOne() {
        session()
                .post("/domains/" + domain + "/readiness/draft", oneRed(""))
                .then()
                .statusCode(303);
        signInAs(Tokens.accessToken("rita.reader", "reader"));
        Document page = page();
        assertThat(page.select("h1").text()).startsWith("Readiness of");
        assertThat(page.select("form.draft-form")).isEmpty();
        FormSession rita = FormSession.openedAt("/domains/" + domain);
        FormSession.assertRefusedByRoleCheck(
                rita.post("/domains/" + domain + "/readiness/draft", oneRed("1")), "Only owners of domain");
    }

    /** The six answers with capacity red and justified, as the form posts them. */
    private static Map<String, String> oneRed(String lockVersion) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("lockVersion", lockVersion);
        fields.put("answers.business-ownership.score", "green");
        fields.put("answers.consumer-awareness.score", "green");
        fields.put("answers.data-knowledge.score", "amber");
        fields.put("answers.data-knowledge.justification", "Lineage is documented for half the datasets");
        fields.put("answers.change-authority.score", "green");
        fields.put("answers.capacity.score", "red");
        fields.put("answers.capacity.justification", "Two people run operations and data");
        fields.put("answers.sla-readiness.score", "green");
        fields.put("planItems[0].criterion", "");
        fields.put("planItems[0].action", "");
        return fields;
    }

    private Document page() {
        Response page = given().get("/domains/" + domain + "/readiness");
        page.then().statusCode(200);
        return Jsoup.parse(page.asString());
    }

    private FormSession session() {
        return FormSession.openedAt("/domains/" + domain + "/readiness");
    }

    private static void signInAs(String token) {
        // Every request is this person's, form posts included (FormSession uses RestAssured's defaults).
        RestAssured.authentication = RestAssured.oauth2(token);
    }
}
