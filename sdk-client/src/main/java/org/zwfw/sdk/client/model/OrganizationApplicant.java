package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * An organisation applying (kind {@code ORGANIZATION}) through a person; {@code toString()} masks the
 * person's name and phone (the organisation's name and USCC are public registration data).
 *
 * @param name {@code name}, required: the organisation's name
 * @param idType {@code id_type}, required: always {@code 001}, a USCC
 * @param idNumber {@code id_number}, required: the USCC
 * @param contactName {@code contact_name}, required: the person acting (经办人)
 * @param phone {@code phone}, required
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("ORGANIZATION")
public record OrganizationApplicant(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "id_type", required = true) String idType,
        @JsonProperty(value = "id_number", required = true) String idNumber,
        @JsonProperty(value = "contact_name", required = true) String contactName,
        @JsonProperty(value = "phone", required = true) String phone) implements Applicant {

    /** Checks that every required member is present. */
    public OrganizationApplicant {
        Require.present(name, "name");
        Require.present(idType, "id_type");
        Require.present(idNumber, "id_number");
        Require.present(contactName, "contact_name");
        Require.present(phone, "phone");
        if (!ID_TYPE.equals(idType)) {
            throw new IllegalArgumentException("'id_type' of an organisation must be " + ID_TYPE);
        }
    }

    /** The holder code type of a unified social credit code. */
    public static final String ID_TYPE = "001";

    /**
     * An organisation with its USCC.
     *
     * @param name        the organisation's name
     * @param uscc        its unified social credit code
     * @param contactName the person acting for it
     * @param phone       that person's mobile number
     */
    public OrganizationApplicant(String name, String uscc, String contactName, String phone) {
        this(name, ID_TYPE, uscc, contactName, phone);
    }

    /** @return the record with the contact's name and phone masked */
    @Override
    public String toString() {
        return "OrganizationApplicant[name=" + name + ", idType=" + idType + ", idNumber=" + idNumber + ", contactName="
                + Masks.name(contactName) + ", phone=" + Masks.phone(phone) + "]";
    }
}
