package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A person applying (kind {@code PERSON}); {@code toString()} masks the name, ID number and phone.
 *
 * @param name {@code name}, required
 * @param idType {@code id_type}, required: always {@code 111}, a resident ID number
 * @param idNumber {@code id_number}, required: the resident ID number
 * @param phone {@code phone}, required: a mainland mobile number
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("PERSON")
public record PersonApplicant(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "id_type", required = true) String idType,
        @JsonProperty(value = "id_number", required = true) String idNumber,
        @JsonProperty(value = "phone", required = true) String phone) implements Applicant {

    /** Checks that every required member is present. */
    public PersonApplicant {
        Require.present(name, "name");
        Require.present(idType, "id_type");
        Require.present(idNumber, "id_number");
        Require.present(phone, "phone");
        if (!ID_TYPE.equals(idType)) {
            throw new IllegalArgumentException("'id_type' of a person must be " + ID_TYPE);
        }
    }

    /** The holder code type of a resident ID number. */
    public static final String ID_TYPE = "111";

    /**
     * A person with a resident ID number.
     *
     * @param name     the name
     * @param idNumber the resident ID number
     * @param phone    the mobile number
     */
    public PersonApplicant(String name, String idNumber, String phone) {
        this(name, ID_TYPE, idNumber, phone);
    }

    /** @return the record with the name, ID number and phone masked */
    @Override
    public String toString() {
        return "PersonApplicant[name=" + Masks.name(name) + ", idType=" + idType + ", idNumber=" + Masks.idNumber(idNumber)
                + ", phone=" + Masks.phone(phone) + "]";
    }
}
