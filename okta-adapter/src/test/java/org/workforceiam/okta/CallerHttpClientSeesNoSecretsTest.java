package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Call;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetResult;

/**
 * The caller's {@link OkHttpClient} lends its pool, proxy and TLS, but nothing of it observes our
 * calls: its interceptors, network interceptors, event listener and cookie jar see nothing.
 */
class CallerHttpClientSeesNoSecretsTest {

  @Test
  void theCallersInterceptorsListenersAndCookieJarSeeNothingOfAResetWithItsLink() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    OkHttpClient caller =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  seen.add("application " + chain.request().headers());
                  return chain.proceed(chain.request());
                })
            .addNetworkInterceptor(
                chain -> {
                  seen.add("network " + chain.request().headers());
                  return chain.proceed(chain.request());
                })
            .eventListener(
                new EventListener() {
                  @Override
                  public void callStart(Call call) {
                    seen.add("event " + call.request().headers());
                  }
                })
            .cookieJar(
                new CookieJar() {
                  @Override
                  public void saveFromResponse(HttpUrl url, List<Cookie> cookies) {
                    seen.add("cookies from " + url);
                  }

                  @Override
                  public List<Cookie> loadForRequest(HttpUrl url) {
                    seen.add("cookies for " + url);
                    return List.of();
                  }
                })
            .build();
    try (ResetOrg org = ResetOrg.start();
        OktaClient okta = org.client(caller)) {

      ResetResult.Password result =
          okta.resets(ResetOrg.EMPLOYEES).resetPassword(ResetOrg.ADA, PasswordReset.link());

      assertThat(result.toString()).isNotEmpty();
      assertThat(org.sim.tokenRequests()).isPositive();
      assertThat(org.changeRequests()).hasSize(1);
      assertThat(seen).isEmpty();
    }
    // The caller's client itself is untouched: its own calls still pass through its interceptors.
    assertThat(caller.interceptors()).hasSize(1);
    assertThat(caller.networkInterceptors()).hasSize(1);
  }
}
