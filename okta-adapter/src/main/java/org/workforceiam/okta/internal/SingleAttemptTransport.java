package org.workforceiam.okta.internal;

import java.io.IOException;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.OutcomeUnknownException;
import org.workforceiam.core.ProviderUnavailableException;

/** Sends each request once; a transport failure becomes the matching error. */
final class SingleAttemptTransport implements Transport {
  private final OkHttpClient client;

  SingleAttemptTransport(OkHttpClient client) {
    this.client = client;
  }

  @Override
  public Response execute(Supplier<Request> request, Safety safety) {
    Request built = request.get();
    try {
      return client.newCall(built).execute();
    } catch (IOException e) {
      if (safety == Safety.NOT_REPEATABLE) {
        throw new OutcomeUnknownException(
            built.method()
                + " "
                + built.url().encodedPath()
                + " was sent but no answer came ("
                + e.getClass().getSimpleName()
                + "); check the user's current state before repeating it",
            ErrorDetails.none(),
            e);
      }
      throw new ProviderUnavailableException(
          "Okta could not be reached at "
              + built.url().host()
              + " ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + ")",
          ErrorDetails.none(),
          e);
    }
  }
}
