package io.signalbox.readiness.assessment;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A readiness draft as a test sends it to {@code PUT /api/domains/{key}/readiness/draft}: a small builder. */
final class DraftJson {

    private Integer lockVersion;
    private final Map<String, String[]> answers = new LinkedHashMap<>();
    private final List<String[]> plan = new ArrayList<>();

    static DraftJson draft() {
        return new DraftJson();
    }

    /** All six criteria answered, {@code capacity} red with its justification, {@code data-knowledge} amber. */
    static DraftJson oneRed() {
        return draft().answer("business-ownership", "green", null)
                .answer("consumer-awareness", "green", "We list every consumer")
                .answer("data-knowledge", "amber", "Lineage is documented for half the datasets")
                .answer("change-authority", "green", null)
                .answer("capacity", "red", "Two people run operations and data")
                .answer("sla-readiness", "green", null);
    }

    DraftJson lockVersion(Integer lockVersion) {
        this.lockVersion = lockVersion;
        return this;
    }

    DraftJson answer(String criterion, String score, String justification) {
        answers.put(criterion, new String[] {score, justification});
        return this;
    }

    DraftJson plan(String criterion, String action, String owner, LocalDate targetDate) {
        plan.add(new String[] {criterion, action, owner, targetDate == null ? null : targetDate.toString()});
        return this;
    }

    String json() {
        StringBuilder json = new StringBuilder("{");
        if (lockVersion != null) {
            json.append("\"lockVersion\": ").append(lockVersion).append(", ");
        }
        json.append("\"answers\": {");
        List<String> members = new ArrayList<>();
        answers.forEach((criterion, answer) -> members.add(quote(criterion) + ": {\"score\": " + quote(answer[0])
                + ", \"justification\": " + quote(answer[1]) + "}"));
        json.append(String.join(", ", members)).append("}, \"planItems\": [");
        List<String> items = new ArrayList<>();
        for (String[] item : plan) {
            items.add("{\"criterion\": " + quote(item[0]) + ", \"action\": " + quote(item[1]) + ", \"owner\": "
                    + quote(item[2]) + ", \"targetDate\": " + quote(item[3]) + "}");
        }
        return json.append(String.join(", ", items)).append("]}").toString();
    }

    /** Saves this draft as the holder of {@code token}. */
    Response saveAs(String token, String domain) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(json())
                .put("/api/domains/" + domain + "/readiness/draft");
    }

    static Response submitAs(String token, String domain, Integer lockVersion) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"lockVersion\": " + lockVersion + "}")
                .post("/api/domains/" + domain + "/readiness/draft/submission");
    }

    private static String quote(String text) {
        return text == null ? "null" : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
