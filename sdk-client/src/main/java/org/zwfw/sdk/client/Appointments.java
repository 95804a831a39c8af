package org.zwfw.sdk.client;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.zwfw.sdk.client.model.Appointment;
import org.zwfw.sdk.client.model.AppointmentRequest;
import org.zwfw.sdk.client.model.CancelRequest;

/** Appointments (预约): {@code /v1/appointments}. Free slots are {@link ServiceHalls#freeSlots}. */
public final class Appointments {

    private final ApiClient client;

    Appointments(ApiClient client) {
        this.client = client;
    }

    /**
     * Books one place in a free slot ({@code bookAppointment}); retried only with its
     * {@code Idempotency-Key}, so a retry books once.
     *
     * @param request        hall, item, slot and applicant
     * @param idempotencyKey the key, or {@code null} for one made by the client for this call
     * @return the appointment, {@code BOOKED}
     */
    public Appointment book(AppointmentRequest request, String idempotencyKey) {
        return client.call(bookRequest(request, idempotencyKey), Appointment.class);
    }

    /**
     * @param request        hall, item, slot and applicant
     * @param idempotencyKey the key, or {@code null}
     * @return the appointment
     */
    public CompletableFuture<Appointment> bookAsync(AppointmentRequest request, String idempotencyKey) {
        return client.callAsync(bookRequest(request, idempotencyKey), Appointment.class);
    }

    private ApiRequest bookRequest(AppointmentRequest request, String idempotencyKey) {
        return new ApiRequest("POST", "/v1/appointments", null, "application/json",
                client.json(Objects.requireNonNull(request, "request")), RetryMode.IDEMPOTENCY_KEY, idempotencyKey);
    }

    /**
     * @param appointmentId the appointment's ID
     * @return the appointment ({@code getAppointment})
     */
    public Appointment get(String appointmentId) {
        return client.call(getRequest(appointmentId), Appointment.class);
    }

    /**
     * @param appointmentId the appointment's ID
     * @return the appointment
     */
    public CompletableFuture<Appointment> getAsync(String appointmentId) {
        return client.callAsync(getRequest(appointmentId), Appointment.class);
    }

    private static ApiRequest getRequest(String appointmentId) {
        return ApiRequest.get("/v1/appointments/" + ApiRequest.segment(appointmentId), null);
    }

    /**
     * Cancels a booked appointment before its slot starts ({@code cancelAppointment}); cancelling
     * again changes nothing, so it is retried.
     *
     * @param appointmentId the appointment's ID
     * @param reason        why
     * @return the appointment, now {@code CANCELLED}
     */
    public Appointment cancel(String appointmentId, String reason) {
        return client.call(cancelRequest(appointmentId, reason), Appointment.class);
    }

    /**
     * @param appointmentId the appointment's ID
     * @param reason        why
     * @return the appointment, now {@code CANCELLED}
     */
    public CompletableFuture<Appointment> cancelAsync(String appointmentId, String reason) {
        return client.callAsync(cancelRequest(appointmentId, reason), Appointment.class);
    }

    private ApiRequest cancelRequest(String appointmentId, String reason) {
        return ApiRequest.post("/v1/appointments/" + ApiRequest.segment(appointmentId) + "/cancel",
                client.json(new CancelRequest(Objects.requireNonNull(reason, "reason"))), RetryMode.IDEMPOTENT);
    }
}
