package org.zwfw.sdk.sandbox.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.zwfw.sdk.id.MaskingPolicy;
import org.zwfw.sdk.rnat.RealNameToken;
import org.zwfw.sdk.sandbox.TestCitizen;
import org.zwfw.sdk.sandbox.internal.FormParams;
import org.zwfw.sdk.sandbox.internal.Problem;
import org.zwfw.sdk.sandbox.internal.Response;
import org.zwfw.sdk.sandbox.internal.StrictJson;
import org.zwfw.sdk.sandbox.internal.oidc.Provider;

/**
 * Cases (办件): submission (everything checked before anything is created: a refused submission
 * creates no case, consumes no upload and records no e-certificate use), reading, listing by
 * applicant, withdrawal, and the lifecycle SUBMITTED → ACCEPTED → IN_REVIEW → APPROVED or
 * REJECTED → COMPLETED, each change kept in {@code history} and announced by
 * {@code case.status_changed}. Personal data of the applicant is kept masked only: the name, ID
 * number and phone are never stored whole, and the form is not kept. Thread-safe (the state's lock).
 */
final class Cases {

    static final List<String> STATUSES = List.of("SUBMITTED", "ACCEPTED", "IN_REVIEW", "APPROVED", "REJECTED",
            "COMPLETED", "WITHDRAWN");
    private static final Set<String> MEMBERS = Set.of("item_code", "handling_mode", "applicant", "form", "materials",
            "holder_consent", "appointment_id");
    private static final MaskingPolicy MASK = MaskingPolicy.DEFAULT;

    private final ApiState state;
    private final Uploads uploads;
    private final Ecerts ecerts;
    private final Consents consents;
    private final Provider provider;
    private final Pages pages;
    private final Events events;
    private final Clock clock;
    private final String base;

    Cases(ApiState state, Uploads uploads, Ecerts ecerts, Consents consents, Provider provider, Pages pages,
            Events events, Clock clock, String base) {
        this.state = state;
        this.uploads = uploads;
        this.ecerts = ecerts;
        this.consents = consents;
        this.provider = provider;
        this.pages = pages;
        this.events = events;
        this.clock = clock;
        this.base = base;
    }

    /** A material as submitted, checked. */
    private record Submitted(String code, String uploadId, String licenseId, String typeCode, String vct,
            String cause) {
    }

    Response submit(Call c) {
        JsonNode body = c.json();
        List<Problem.Item> faults = Fields.newFaults();
        Fields f = Fields.of(body, "", faults, MEMBERS);
        String itemCode = f.text("item_code", true, 64);
        String mode = f.oneOf("handling_mode", true, List.of("FULLY_ONLINE", "ONLINE_PRECHECK", "NO_VISIT", "MOBILE"));
        Map<String, Object> applicant = new LinkedHashMap<>();
        String residentId = applicant(f.node("applicant"), faults, applicant, c.appId());
        if (!f.has("applicant")) {
            f.missing("applicant");
        }
        Optional<Catalog.Item> item = itemCode == null ? Optional.empty() : Catalog.item(itemCode);
        if (itemCode != null && item.isEmpty()) {
            faults.add(new Problem.Item("INVALID_CLAIM", "/item_code", "no service item with this code"));
        }
        JsonNode form = f.node("form");
        PensionForm.Facts facts = null;
        String formType = null;
        if (form == null) {
            f.missing("form");
        } else if (!form.isObject() || !form.path("form_type").isTextual()) {
            faults.add(new Problem.Item("MISSING_CLAIM", "/form/form_type", "'form_type' is required"));
        } else {
            formType = form.get("form_type").textValue();
            if (item.isPresent() && !formType.equals(item.get().formType())) {
                faults.add(new Problem.Item("INVALID_CLAIM", "/form/form_type", "the item's form_type is "
                        + item.get().formType()));
            } else if (Catalog.PENSION_FORM.equals(formType)) {
                facts = PensionForm.read(form, faults);
            } else if ("generic".equals(formType)) {
                genericForm(form, faults);
            } else {
                faults.add(new Problem.Item("INVALID_CLAIM", "/form/form_type", "form_type must be"
                        + " pension-retirement-claim or generic"));
            }
        }
        List<Submitted> materials = materials(f.node("materials"), faults);
        if (!f.has("materials")) {
            f.missing("materials");
        }
        String consentToken = null;
        if (f.has("holder_consent")) {
            Fields hc = Fields.of(f.node("holder_consent"), "/holder_consent", faults, Set.of("consent_token"));
            consentToken = hc.text("consent_token", true, 16384);
        }
        String appointmentId = f.matching("appointment_id", false, java.util.regex.Pattern.compile("apt_[0-9A-Z]{16}"),
                "must be an appointment ID");
        if (!faults.isEmpty()) {
            throw ApiProblems.invalid(faults);
        }
        Catalog.Item it = item.orElseThrow();
        if (!it.modes().contains(mode)) {
            throw ApiProblems.unprocessable("HANDLING_MODE_UNAVAILABLE", "The item is not offered so", List.of(
                    new Problem.Item("HANDLING_MODE_UNAVAILABLE", "/handling_mode", "this item is offered "
                            + it.modes())));
        }
        if (facts != null) {
            if (!"PERSON".equals(applicant.get("kind"))) {
                throw ApiProblems.invalid("INVALID_CLAIM", "/applicant/kind", "the applicant of a pension claim is the"
                        + " insured person (kind PERSON)");
            }
            List<Problem.Item> unmet = new ArrayList<>();
            PensionForm.conditions(facts, residentId, form.path("first_insured_month").asText(null), unmet);
            if (!unmet.isEmpty()) {
                throw ApiProblems.unprocessable(PensionForm.CONDITIONS_NOT_MET, "The statutory conditions are not met", unmet);
            }
        }
        boolean usesEcerts = materials.stream().anyMatch(m -> m.uploadId() == null);
        RealNameToken consent = null;
        TestCitizen holder = null;
        if (usesEcerts) {
            if (consentToken == null) {
                throw ApiProblems.invalid("MISSING_CLAIM", "/holder_consent", "e-certificate materials need"
                        + " holder_consent.consent_token");
            }
            consent = consents.check(consentToken, c.appId(), Consents.level(it.minLevel()),
                    "/holder_consent/consent_token");
            holder = provider.citizen(c.appId(), consent.subject()).orElse(null);
            if (holder == null || residentId == null || !holder.residentId().equals(residentId)) {
                throw ApiProblems.forbidden("CONSENT_INVALID", "The holder's consent was refused", "the consent was"
                        + " given by someone other than the applicant", List.of(new Problem.Item("AUDIENCE_MISMATCH",
                                "/holder_consent/consent_token", "the consent's holder is not the applicant")));
            }
        }
        synchronized (state) {
            List<Problem.Item> missing = new ArrayList<>();
            List<Wallet.Held> held = new ArrayList<>();
            Set<String> given = new LinkedHashSet<>();
            for (int i = 0; i < materials.size(); i++) {
                Submitted m = materials.get(i);
                String p = "/materials/" + i;
                Optional<Catalog.Material> spec = it.material(m.code());
                if (spec.isEmpty() || !given.add(m.code())) {
                    throw ApiProblems.invalid("INVALID_CLAIM", p + "/material_code", spec.isEmpty()
                            ? "not a material of this item" : "this material is given twice");
                }
                if (m.uploadId() != null) {
                    Map<String, Object> u = uploads.usable(c.appId(), m.uploadId());
                    if (u == null) {
                        throw ApiProblems.invalid("INVALID_CLAIM", p + "/upload_id", "no unused upload of this"
                                + " application with this ID within its 24 hours");
                    }
                    if (!spec.get().mediaTypes().contains(u.get("media_type"))) {
                        throw ApiProblems.invalid("INVALID_CLAIM", p + "/upload_id", "this material takes "
                                + spec.get().mediaTypes());
                    }
                    held.add(null);
                } else {
                    Catalog.Material s = spec.get();
                    Wallet.Held h = ecerts.select(holder, m.licenseId(), m.typeCode(), m.vct(), p);
                    boolean fits = (h.licenseTypeCode() != null && s.licenseTypes().contains(h.licenseTypeCode()))
                            || s.vcts().contains(h.vct());
                    if (!fits) {
                        throw ApiProblems.unprocessable("LICENSE_UNAVAILABLE", "The e-certificate cannot be used",
                                List.of(new Problem.Item("INVALID_CLAIM", p, "this e-certificate does not satisfy"
                                        + " material " + m.code())));
                    }
                    held.add(h);
                }
            }
            for (Catalog.Material s : it.materials()) {
                boolean required = s.requirement().equals("REQUIRED")
                        || (s.code().equals("M003") && facts != null && facts.deemedMonths() > 0)
                        || (s.code().equals("M004") && facts != null
                                && facts.retirementType().equals("SPECIAL_JOB_EARLY"));
                if (required && !given.contains(s.code())) {
                    missing.add(new Problem.Item("MATERIAL_MISSING", "/materials", s.code() + " (" + s.name()
                            + ") is required" + (s.condition() != null ? ": " + s.condition() : "")));
                }
            }
            if (!missing.isEmpty()) {
                throw ApiProblems.unprocessable("MATERIAL_MISSING", "A required material is missing", missing);
            }
            if (appointmentId != null) {
                Map<String, Object> a = state.appointments.get(appointmentId);
                if (a == null || !c.appId().equals(a.get("app_id"))) {
                    throw ApiProblems.invalid("INVALID_CLAIM", "/appointment_id", "no appointment of this application"
                            + " with this ID");
                }
            }
            // Everything is checked: from here on, the case is created.
            if (consent != null) {
                consents.spend(consent, "/holder_consent/consent_token");
            }
            Instant now = now();
            List<Map<String, Object>> caseMaterials = new ArrayList<>();
            for (int i = 0; i < materials.size(); i++) {
                Submitted m = materials.get(i);
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("material_code", m.code());
                cm.put("source", m.uploadId() != null ? "UPLOAD" : "ECERT");
                cm.put("status", "RECEIVED");
                if (m.uploadId() != null) {
                    state.uploads.get(m.uploadId()).put("used", true);
                } else {
                    Map<String, Object> use = ecerts.recordUse(c.appId(), held.get(i), m.cause(), consent.subject(),
                            null, false);
                    cm.put("use_id", use.get("use_id"));
                    if (held.get(i).licenseId() != null && m.licenseId() != null) {
                        cm.put("license_id", held.get(i).licenseId());
                    }
                }
                caseMaterials.add(cm);
            }
            String id = Ids.next("case_");
            Map<String, Object> kase = new LinkedHashMap<>();
            kase.put("case_id", id);
            kase.put("item_code", it.code());
            kase.put("item_name", it.name());
            kase.put("department", it.department().json());
            kase.put("status", "SUBMITTED");
            kase.put("handling_mode", mode);
            kase.put("applicant", applicant);
            kase.put("form_type", formType);
            kase.put("materials", caseMaterials);
            kase.put("submitted_at", Times.format(now));
            kase.put("updated_at", Times.format(now));
            if (appointmentId != null) {
                kase.put("appointment_id", appointmentId);
            }
            List<Map<String, Object>> history = new ArrayList<>();
            history.add(Map.of("status", "SUBMITTED", "at", Times.format(now)));
            kase.put("history", history);
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("app_id", c.appId());
            rec.put("applicant_key", applicant.containsKey("applicant_ref") ? "ref:" + applicant.get("applicant_ref")
                    : "uscc:" + applicant.get("uscc"));
            rec.put("case", kase);
            state.cases.put(id, rec);
            state.save();
            return Response.json(201, kase).withHeader("Location", base + "/v1/cases/" + id);
        }
    }

    /** Reads the applicant into its masked form; the resident ID number of a person, or {@code null}. */
    String applicant(JsonNode node, List<Problem.Item> faults, Map<String, Object> masked, String appId) {
        if (node == null) {
            return null;
        }
        String kind = node.isObject() && node.path("kind").isTextual() ? node.get("kind").textValue() : null;
        if ("PERSON".equals(kind)) {
            Fields a = Fields.of(node, "/applicant", faults, Set.of("kind", "name", "id_type", "id_number", "phone"));
            String name = a.text("name", true, 64);
            a.oneOf("id_type", true, List.of("111"));
            String id = a.residentId("id_number", true);
            String phone = a.matching("phone", true, Fields.PHONE, "must be a mainland mobile number of 11 digits");
            if (name != null && id != null && phone != null) {
                masked.put("kind", "PERSON");
                masked.put("name_masked", MASK.maskName(name));
                masked.put("id_type", "111");
                masked.put("id_number_masked", MASK.maskIdNumber(id));
                masked.put("phone_masked", MASK.maskPhone(phone));
                masked.put("applicant_ref", provider.subject(appId, id).orElseThrow());
            }
            return id;
        }
        if ("ORGANIZATION".equals(kind)) {
            Fields a = Fields.of(node, "/applicant", faults, Set.of("kind", "name", "id_type", "id_number",
                    "contact_name", "phone"));
            String name = a.text("name", true, 128);
            a.oneOf("id_type", true, List.of("001"));
            String uscc = a.uscc("id_number", true);
            a.text("contact_name", true, 64);
            String phone = a.matching("phone", true, Fields.PHONE, "must be a mainland mobile number of 11 digits");
            if (name != null && uscc != null && phone != null) {
                masked.put("kind", "ORGANIZATION");
                masked.put("name_masked", name);
                masked.put("id_type", "001");
                masked.put("id_number_masked", uscc);
                masked.put("phone_masked", MASK.maskPhone(phone));
                masked.put("uscc", uscc);
            }
            return null;
        }
        faults.add(new Problem.Item(node.isObject() && node.has("kind") ? "INVALID_CLAIM" : "MISSING_CLAIM",
                "/applicant/kind", "'kind' must be PERSON or ORGANIZATION"));
        return null;
    }

    private static void genericForm(JsonNode form, List<Problem.Item> faults) {
        Fields g = Fields.of(form, "/form", faults, Set.of("form_type", "fields"));
        JsonNode fields = g.node("fields");
        if (fields == null) {
            g.missing("fields");
        } else if (!fields.isObject() || fields.size() > 256) {
            g.invalid("fields", "must be an object of at most 256 members");
        } else {
            for (Map.Entry<String, JsonNode> e : fields.properties()) {
                JsonNode v = e.getValue();
                if (!v.isTextual() && !v.isNumber() && !v.isBoolean()) {
                    faults.add(new Problem.Item("INVALID_CLAIM", "/form/fields", "field values are strings, numbers"
                            + " or booleans"));
                    break;
                }
            }
        }
    }

    private static List<Submitted> materials(JsonNode node, List<Problem.Item> faults) {
        List<Submitted> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isArray() || node.size() > 64) {
            faults.add(new Problem.Item("INVALID_CLAIM", "/materials", "'materials' must be an array of at most 64"));
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            String p = "/materials/" + i;
            JsonNode m = node.get(i);
            Fields f = Fields.of(m, p, faults, Set.of("material_code", "upload_id", "license_id", "license_type_code",
                    "vct", "use_cause"));
            if (!f.present()) {
                continue;
            }
            String code = f.matching("material_code", true, Fields.MATERIAL_CODE, "must be 1 to 16 of A-Z 0-9");
            if (f.has("upload_id")) {
                String upl = f.matching("upload_id", true, java.util.regex.Pattern.compile("upl_[0-9A-Z]{16}"),
                        "must be an upload ID");
                if (f.has("license_id") || f.has("license_type_code") || f.has("vct") || f.has("use_cause")) {
                    faults.add(new Problem.Item("INVALID_CLAIM", p, "an upload material has material_code and"
                            + " upload_id only"));
                }
                if (code != null && upl != null) {
                    out.add(new Submitted(code, upl, null, null, null, null));
                }
            } else {
                int named = (f.has("license_id") ? 1 : 0) + (f.has("license_type_code") ? 1 : 0) + (f.has("vct") ? 1 : 0);
                String lid = f.text("license_id", false, 128);
                String type = f.text("license_type_code", false, 64);
                String vct = f.text("vct", false, 64);
                String cause = f.text("use_cause", true, 200);
                if (named != 1) {
                    faults.add(new Problem.Item("INVALID_CLAIM", p, "a material is an upload_id, or exactly one of"
                            + " license_id, license_type_code and vct with a use_cause"));
                } else if (code != null && cause != null) {
                    out.add(new Submitted(code, null, lid, type, vct, cause));
                }
            }
        }
        return out;
    }

    Response get(Call c) {
        synchronized (state) {
            return Response.json(200, own(c, c.path("case_id")));
        }
    }

    Response list(Call c) {
        FormParams q = c.query();
        c.onlyParams(q, List.of("applicant_ref", "applicant_uscc", "status", "item_code", "page_size", "page_token"));
        String ref = c.param(q, "applicant_ref");
        String uscc = c.param(q, "applicant_uscc");
        String status = c.param(q, "status");
        String itemCode = c.param(q, "item_code");
        Integer size = Pages.size(c.param(q, "page_size"));
        if ((ref == null) == (uscc == null)) {
            throw ApiProblems.invalid("MISSING_CLAIM", null, "exactly one of applicant_ref and applicant_uscc is"
                    + " required");
        }
        if (ref != null && !ref.matches("[A-Za-z0-9_-]{16,255}")) {
            throw ApiProblems.invalid("INVALID_CLAIM", null, "applicant_ref is 16 to 255 of A-Z a-z 0-9 _ -");
        }
        List<String> statuses = status == null ? STATUSES : Arrays.asList(status.split(",", -1));
        if (!STATUSES.containsAll(statuses)) {
            throw ApiProblems.invalid("INVALID_CLAIM", null, "status lists states of " + STATUSES);
        }
        String key = ref != null ? "ref:" + ref : "uscc:" + uscc;
        List<Map<String, Object>> found = new ArrayList<>();
        synchronized (state) {
            for (Map<String, Object> rec : state.cases.values()) {
                Map<String, Object> kase = kase(rec);
                if (c.appId().equals(rec.get("app_id")) && key.equals(rec.get("applicant_key"))
                        && statuses.contains(kase.get("status"))
                        && (itemCode == null || itemCode.equals(kase.get("item_code")))) {
                    found.add(StrictJson.toMap(StrictJson.toTree(kase)));
                }
            }
        }
        // newest first; cases of the same second (submitted_at has whole seconds) too: the store
        // keeps submission order, reversed here, and the sort is stable
        java.util.Collections.reverse(found);
        found.sort((a, b) -> ((String) b.get("submitted_at")).compareTo((String) a.get("submitted_at")));
        String binding = c.appId() + "|cases|" + key + "|" + status + "|" + itemCode;
        Pages.Page<Map<String, Object>> page = pages.page(found, binding, c.param(q, "page_token"), size,
                clock.instant());
        return Response.json(200, Items.pageJson(page.items(), page.next()));
    }

    Response withdraw(Call c) {
        List<Problem.Item> faults = Fields.newFaults();
        Fields f = Fields.of(c.json(), "", faults, Set.of("reason"));
        String reason = f.text("reason", true, 200);
        if (!faults.isEmpty()) {
            throw ApiProblems.invalid(faults);
        }
        synchronized (state) {
            Map<String, Object> kase = own(c, c.path("case_id"));
            String status = (String) kase.get("status");
            if (status.equals("WITHDRAWN")) {
                return Response.json(200, kase);
            }
            if (!List.of("SUBMITTED", "ACCEPTED", "IN_REVIEW").contains(status)) {
                throw ApiProblems.conflict("STATE_CONFLICT", "The case cannot be withdrawn", "the case is " + status
                        + "; only SUBMITTED, ACCEPTED or IN_REVIEW cases can be withdrawn");
            }
            move(c.appId(), kase, "WITHDRAWN", reason.length() > 0 ? "申请人撤回" : null);
            return Response.json(200, kase);
        }
    }

    /**
     * Moves a case one step on (or to {@code target}, when that is a legal next state).
     *
     * @return the new status
     * @throws IllegalStateException when the case is unknown or final, or the target is not a next state
     */
    String advance(String caseId, String target) {
        synchronized (state) {
            Map<String, Object> rec = state.cases.get(caseId);
            if (rec == null) {
                throw new IllegalArgumentException("no case " + caseId);
            }
            Map<String, Object> kase = kase(rec);
            String status = (String) kase.get("status");
            List<String> next = next(status);
            if (next.isEmpty()) {
                throw new IllegalStateException("the case is " + status + ", which is final");
            }
            String to = target == null ? next.get(0) : target;
            if (!next.contains(to)) {
                throw new IllegalStateException("the case is " + status + "; it can move to " + next);
            }
            move((String) rec.get("app_id"), kase, to, note(to));
            return to;
        }
    }

    /** The cases that can move on, for the scheduler. */
    List<String> open() {
        synchronized (state) {
            List<String> ids = new ArrayList<>();
            state.cases.forEach((id, rec) -> {
                if (!next((String) kase(rec).get("status")).isEmpty()) {
                    ids.add(id);
                }
            });
            return ids;
        }
    }

    static List<String> next(String status) {
        switch (status) {
            case "SUBMITTED": return List.of("ACCEPTED", "REJECTED");
            case "ACCEPTED": return List.of("IN_REVIEW");
            case "IN_REVIEW": return List.of("APPROVED", "REJECTED");
            case "APPROVED": case "REJECTED": return List.of("COMPLETED");
            default: return List.of();
        }
    }

    private static String note(String to) {
        switch (to) {
            case "ACCEPTED": return "材料齐全，予以受理。";
            case "IN_REVIEW": return "已调取相关记录，正在审查。";
            case "APPROVED": return "符合条件，准予办理。";
            case "REJECTED": return "不符合条件（沙箱模拟决定）。";
            default: return "已办结。";
        }
    }

    @SuppressWarnings("unchecked")
    private void move(String appId, Map<String, Object> kase, String to, String note) {
        Instant now = now();
        String previous = (String) kase.get("status");
        kase.put("status", to);
        kase.put("updated_at", Times.format(now));
        if (to.equals("ACCEPTED")) {
            kase.put("accepted_at", Times.format(now));
            Catalog.item((String) kase.get("item_code")).ifPresent(i -> kase.put("due_date",
                    due(Times.date(now), i.promisedDays(), i.dayKind()).toString()));
        }
        if (to.equals("APPROVED") || to.equals("REJECTED")) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("result", to);
            if (to.equals("REJECTED")) {
                d.put("reason", "不符合受理或审批条件（沙箱模拟决定）。");
            }
            d.put("decided_at", Times.format(now));
            kase.put("decision", d);
        }
        if (to.equals("APPROVED") || to.equals("REJECTED") || to.equals("COMPLETED")) {
            for (Map<String, Object> m : (List<Map<String, Object>>) kase.get("materials")) {
                m.put("status", "VERIFIED");
            }
        }
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("status", to);
        h.put("at", Times.format(now));
        if (note != null) {
            h.put("note", note);
        }
        ((List<Map<String, Object>>) kase.get("history")).add(h);
        state.save();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("case_id", kase.get("case_id"));
        data.put("item_code", kase.get("item_code"));
        Object ref = ((Map<String, Object>) kase.get("applicant")).get("applicant_ref");
        if (ref != null) {
            data.put("applicant_ref", ref);
        }
        data.put("previous_status", previous);
        data.put("status", to);
        data.put("changed_at", Times.format(now));
        events.emit(appId, "case.status_changed", data);
    }

    private static LocalDate due(LocalDate from, int days, String kind) {
        LocalDate d = from;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (kind.equals("CALENDAR") || (d.getDayOfWeek() != DayOfWeek.SATURDAY
                    && d.getDayOfWeek() != DayOfWeek.SUNDAY)) {
                left--;
            }
        }
        return d;
    }

    private Map<String, Object> own(Call c, String id) {
        Map<String, Object> rec = state.cases.get(id);
        if (rec == null || !c.appId().equals(rec.get("app_id"))) {
            throw ApiProblems.notFound("no case " + StrictJson.quote(id) + " for this application");
        }
        return kase(rec);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> kase(Map<String, Object> rec) {
        return (Map<String, Object>) rec.get("case");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
