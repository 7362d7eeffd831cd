using System.Collections;
using System.Management.Automation;
using System.Security;
using CapacityTools.Core;
using CapacityTools.Core.Telemetry;

namespace CapacityTools.PowerShell;

/// <summary>
/// The connection parameters of the cmdlets that ask a Prometheus-compatible server, named as Invoke-RestMethod
/// names them, and the handling they share: a warning before credentials go over plain HTTP, queries in -Verbose
/// (never a secret), and every server failure as a non-terminating error that names the URI and says what to do.
/// </summary>
public abstract class PrometheusCmdlet : CapacityCmdlet
{
    protected const string PrometheusSet = "Prometheus";

    [Parameter(ParameterSetName = PrometheusSet, Mandatory = true, Position = 0)]
    [Alias("Uri")]
    [ValidateNotNull]
    public Uri PrometheusUri { get; set; } = null!;

    [Parameter(ParameterSetName = PrometheusSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    [Parameter(ParameterSetName = PrometheusSet)]
    [ValidateNotNull]
    public SecureString? BearerToken { get; set; }

    [Parameter(ParameterSetName = PrometheusSet)]
    [Alias("Headers")]
    [ValidateNotNull]
    public IDictionary? Header { get; set; }

    [Parameter(ParameterSetName = PrometheusSet)]
    [ValidateNotNullOrEmpty]
    public string? Selector { get; set; }

    [Parameter(ParameterSetName = PrometheusSet)]
    [ValidateRange(1, int.MaxValue)]
    public int TimeoutSec { get; set; } = 100;

    [Parameter(ParameterSetName = PrometheusSet)]
    public SwitchParameter SkipCertificateCheck { get; set; }

    /// <summary>The options of the parameters; terminating for an invalid invocation (a relative URI, two kinds of credentials).</summary>
    protected PrometheusOptions ConnectionOptions()
    {
        if (!PrometheusUri.IsAbsoluteUri || PrometheusUri.Scheme is not ("http" or "https"))
            ThrowProblem(new Problem(ErrorIds.InvalidPrometheusUri, ProblemKind.InvalidArgument, $"-PrometheusUri '{PrometheusUri}' is not an http or https URL.",
                PrometheusUri.IsAbsoluteUri ? PrometheusOptions.Display(PrometheusUri) : null, recommendedAction: "Give the server's URL, e.g. http://prometheus:9090 or https://host/select/0/prometheus."));
        if (Credential is not null && BearerToken is not null)
            ThrowProblem(new Problem(ErrorIds.ConflictingCredentials, ProblemKind.InvalidArgument, "-Credential and -BearerToken cannot be used together.", null,
                recommendedAction: "Give basic-auth credentials or a bearer token, not both."));
        var options = new PrometheusOptions(PrometheusUri)
        {
            Credential = Credential?.GetNetworkCredential(), BearerToken = BearerToken, Selector = Selector,
            Timeout = TimeSpan.FromSeconds(TimeoutSec), SkipCertificateCheck = SkipCertificateCheck,
        };
        foreach (DictionaryEntry entry in Header ?? new Hashtable())
            options.Headers[entry.Key.ToString()!] = entry.Value is SecureString secure ? new System.Net.NetworkCredential("", secure).Password : entry.Value?.ToString() ?? "";
        if (options.SendsSecretsInClear)
            WriteWarning($"Credentials or headers will be sent to {options.DisplayUri} over plain HTTP, readable by anyone on the network; use https.");
        return options;
    }

    /// <summary>Runs <paramref name="ask"/> with a client; a server failure is a non-terminating error, Ctrl+C stops.</summary>
    protected void Ask(PrometheusOptions options, Action<PrometheusClient> ask)
    {
        PrometheusClient client;
        try
        {
            client = new PrometheusClient(options) { Log = WriteVerbose };
        }
        catch (CapacityException ex)
        {
            ThrowProblem(ex.Problem);
            return;
        }
        using var owned = client;
        try
        {
            ask(client);
        }
        catch (CapacityException ex) when (ex.Problem.ErrorId is ErrorIds.InvalidSelector or ErrorIds.InvalidHeader)
        {
            ThrowProblem(ex.Problem);
        }
        catch (CapacityException ex)
        {
            WriteProblem(ex.Problem);
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
        finally
        {
            WriteVerbose($"{client.Queries} quer{(client.Queries == 1 ? "y" : "ies")} to {options.DisplayUri}: {client.SeriesReceived} series, {client.BytesReceived} bytes received.");
        }
    }
}
