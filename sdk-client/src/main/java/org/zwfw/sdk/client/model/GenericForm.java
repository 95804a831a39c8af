package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.zwfw.sdk.id.ClaimMasking;
import org.zwfw.sdk.id.MaskingPolicy;
import java.util.Map;

/**
 * The form of an item without a schema of its own here ({@code form_type} {@code generic}): its
 * fields, each a string, number or boolean. {@code toString()} masks personal fields by name.
 *
 * @param fields {@code fields}, required
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("generic")
public record GenericForm(
        @JsonProperty(value = "fields", required = true) Map<String, Object> fields) implements CaseForm {

    /** Checks that every required member is present. */
    public GenericForm {
        Require.present(fields, "fields");
        fields = fields == null ? null : Require.copy(fields);
    }

    /** @return the record with personal fields masked */
    @Override
    public String toString() {
        return "GenericForm[fields=" + ClaimMasking.mask(fields, MaskingPolicy.DEFAULT) + "]";
    }
}
