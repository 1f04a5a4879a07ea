package io.signalbox.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the portal's Prometheus scrape ({@code /q/metrics}, bearer token) in tests. */
public final class Scrapes {

    private Scrapes() {}

    /** The whole scrape, read with the metrics token (200 expected). */
    public static String scrape(String token) {
        return given().header("Authorization", "Bearer " + token)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** The value of one series, written exactly as in the scrape (name and labels); fails when it is absent. */
    public static double value(String metrics, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+|NaN)$")
                .matcher(metrics);
        assertThat(line.find()).as("series %s in the scrape", series).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
