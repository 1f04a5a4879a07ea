package io.signalbox.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a paged API list ({@link io.signalbox.web.Paging}) whole in tests, by following its {@code next} links. */
public final class PagedLists {

    private PagedLists() {}

    /** Every item of the list at {@code path}, page after page; fails if a page is not a 200 or links to itself. */
    public static List<Map<String, Object>> allItems(String path) {
        List<Map<String, Object>> items = new ArrayList<>();
        String next = path;
        List<String> visited = new ArrayList<>();
        while (next != null) {
            assertThat(visited).as("the next links never repeat a page").doesNotContain(next);
            visited.add(next);
            JsonPath page = given().urlEncodingEnabled(false)
                    .get(next)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            items.addAll(page.getList("items"));
            next = page.getString("next");
        }
        return items;
    }

    /** The item of the list at {@code path} whose {@code key} is {@code key}, wherever its page. */
    public static Optional<Map<String, Object>> itemWithKey(String path, String key) {
        return allItems(path).stream().filter(i -> key.equals(i.get("key"))).findFirst();
    }
}
