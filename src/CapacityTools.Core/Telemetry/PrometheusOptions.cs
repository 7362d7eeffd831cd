using System.Net;
using System.Security;

namespace CapacityTools.Core.Telemetry;

/// <summary>
/// How to reach a Prometheus-compatible API (Prometheus, Thanos, Mimir, VictoriaMetrics): its root, which may carry
/// a path prefix (<c>https://host/select/0/prometheus</c>), and the credentials, kept as SecureStrings until a request's
/// header is built.
/// </summary>
public sealed class PrometheusOptions
{
    public PrometheusOptions(Uri uri) => Uri = uri;

    /// <summary>The API root: /api/v1/... is appended to it.</summary>
    public Uri Uri { get; }
    /// <summary>Basic authentication (Prometheus' own --web.config.file users).</summary>
    public NetworkCredential? Credential { get; set; }
    /// <summary>A bearer token (what the proxies in front of Prometheus expect: Thanos querier, Mimir, Grafana Cloud).</summary>
    public SecureString? BearerToken { get; set; }
    /// <summary>Extra request headers (e.g. a tenant header for a proxy); their values are never shown.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);
    /// <summary>Accepts any server certificate (a test server with a self-signed one).</summary>
    public bool SkipCertificateCheck { get; set; }
    /// <summary>A label matcher every series must also match, such as <c>{cluster="train-a"}</c>.</summary>
    public string? Selector { get; set; }

    /// <summary>True when credentials or headers would travel over plain HTTP.</summary>
    public bool SendsSecretsInClear =>
        string.Equals(Uri.Scheme, "http", StringComparison.OrdinalIgnoreCase)
        && (Credential is not null || BearerToken is not null || Headers.Count > 0 || Uri.UserInfo.Length > 0);

    /// <summary>The URI as errors and messages show it: no user information, no query.</summary>
    public string DisplayUri => Display(Uri);

    public static string Display(Uri uri) => uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
}
