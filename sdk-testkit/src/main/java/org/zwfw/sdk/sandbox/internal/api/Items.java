package org.zwfw.sdk.sandbox.internal.api;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zwfw.sdk.sandbox.internal.FormParams;
import org.zwfw.sdk.sandbox.internal.Response;
import org.zwfw.sdk.sandbox.internal.StrictJson;

/** Service items and service halls: search, details, halls of a region. */
final class Items {

    private static final List<String> MODES = List.of("FULLY_ONLINE", "ONLINE_PRECHECK", "NO_VISIT", "MOBILE");

    private final Pages pages;
    private final Clock clock;

    Items(Pages pages, Clock clock) {
        this.pages = pages;
        this.clock = clock;
    }

    Response search(Call c) {
        FormParams q = c.query();
        c.onlyParams(q, List.of("region_code", "department_code", "keyword", "handling_mode", "page_size",
                "page_token"));
        String region = c.param(q, "region_code");
        String dept = c.param(q, "department_code");
        String keyword = c.param(q, "keyword");
        String modes = c.param(q, "handling_mode");
        Integer size = Pages.size(c.param(q, "page_size"));
        if (region == null && dept == null && keyword == null) {
            throw ApiProblems.invalid("MISSING_CLAIM", null, "at least one of region_code, department_code and"
                    + " keyword is required");
        }
        if (region != null && !Fields.REGION.matcher(region).matches()) {
            throw ApiProblems.invalid("INVALID_CLAIM", null, "region_code must be a six-digit division code");
        }
        if (keyword != null && keyword.codePointCount(0, keyword.length()) > 64) {
            throw ApiProblems.invalid("INVALID_CLAIM", null, "keyword must be 1 to 64 characters");
        }
        List<String> wanted = modes == null ? List.of() : Arrays.asList(modes.split(",", -1));
        for (String m : wanted) {
            if (!MODES.contains(m)) {
                throw ApiProblems.invalid("INVALID_CLAIM", null, "handling_mode lists modes of " + MODES);
            }
        }
        List<Catalog.Item> found = new ArrayList<>();
        for (Catalog.Item i : Catalog.ITEMS) {
            if ((region == null || Catalog.within(i.regionCode(), region))
                    && (dept == null || i.department().code().equals(dept))
                    && (keyword == null || i.name().contains(keyword) || i.aliases().stream().anyMatch(a ->
                            a.contains(keyword) || keyword.contains(a)))
                    && i.modes().containsAll(wanted)) {
                found.add(i);
            }
        }
        found.sort((a, b) -> {
            int ra = keyword != null && a.name().contains(keyword) ? 0 : 1;
            int rb = keyword != null && b.name().contains(keyword) ? 0 : 1;
            return ra != rb ? Integer.compare(ra, rb) : a.code().compareTo(b.code());
        });
        String binding = c.appId() + "|items|" + region + "|" + dept + "|" + keyword + "|" + modes;
        Pages.Page<Catalog.Item> page = pages.page(found, binding, c.param(q, "page_token"), size, clock.instant());
        List<Map<String, Object>> items = new ArrayList<>();
        page.items().forEach(i -> items.add(i.summary()));
        return Response.json(200, pageJson(items, page.next()));
    }

    Response get(Call c) {
        String code = c.path("item_code");
        return Response.json(200, Catalog.item(code).orElseThrow(() -> ApiProblems.notFound("no service item "
                + StrictJson.quote(code))).details());
    }

    Response halls(Call c) {
        FormParams q = c.query();
        c.onlyParams(q, List.of("region_code", "item_code", "page_size", "page_token"));
        String region = c.param(q, "region_code");
        String item = c.param(q, "item_code");
        Integer size = Pages.size(c.param(q, "page_size"));
        if (region == null) {
            throw ApiProblems.invalid("MISSING_CLAIM", null, "region_code is required");
        }
        if (!Fields.REGION.matcher(region).matches()) {
            throw ApiProblems.invalid("INVALID_CLAIM", null, "region_code must be a six-digit division code");
        }
        List<Catalog.Hall> found = new ArrayList<>();
        for (Catalog.Hall h : Catalog.HALLS) {
            if (Catalog.within(h.regionCode(), region) && (item == null || h.itemCodes().contains(item))) {
                found.add(h);
            }
        }
        String binding = c.appId() + "|halls|" + region + "|" + item;
        Pages.Page<Catalog.Hall> page = pages.page(found, binding, c.param(q, "page_token"), size, clock.instant());
        List<Map<String, Object>> items = new ArrayList<>();
        page.items().forEach(h -> items.add(h.json()));
        return Response.json(200, pageJson(items, page.next()));
    }

    static Map<String, Object> pageJson(List<?> items, String next) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", items);
        if (next != null) {
            m.put("next_page_token", next);
        }
        return m;
    }
}
