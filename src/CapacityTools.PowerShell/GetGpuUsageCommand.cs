using System.Management.Automation;
using CapacityTools.Core;
using CapacityTools.Core.Telemetry;

namespace CapacityTools.PowerShell;

/// <summary>Get-GpuUsage: measured GPU-hours, utilisation, power and energy per host and model from dcgm-exporter series in Prometheus.</summary>
[Cmdlet(VerbsCommon.Get, "GpuUsage", DefaultParameterSetName = PrometheusSet)]
[OutputType(typeof(GpuUsage))]
public sealed class GetGpuUsageCommand : PrometheusCmdlet
{
    [Parameter(ParameterSetName = PrometheusSet)]
    public DateTime? Start { get; set; }

    [Parameter(ParameterSetName = PrometheusSet)]
    public DateTime? End { get; set; }

    [Parameter(ParameterSetName = PrometheusSet)]
    public TimeSpan? Last { get; set; }

    protected override void EndProcessing()
    {
        if (Last is not null && Start is not null)
            ThrowProblem(new Problem(ErrorIds.ConflictingWindow, ProblemKind.InvalidArgument, "-Last and -Start cannot be used together.", Last,
                recommendedAction: "Give -Start (and -End), or -Last (optionally with -End)."));
        if (Last is { } span && span <= TimeSpan.Zero)
            ThrowProblem(new Problem(ErrorIds.InvalidTimeWindow, ProblemKind.InvalidArgument, $"-Last {span} is not a positive time span.", span,
                recommendedAction: "Give a positive span, e.g. -Last (New-TimeSpan -Days 30)."));
        var end = End is { } e ? new DateTimeOffset(e) : DateTimeOffset.UtcNow;
        var start = Start is { } s ? new DateTimeOffset(s) : end - (Last ?? TimeSpan.FromDays(1));
        if (end <= start)
            ThrowProblem(new Problem(ErrorIds.InvalidTimeWindow, ProblemKind.InvalidArgument, $"-Start {start:u} is not before -End {end:u}.", start,
                recommendedAction: "Give -Start before -End."));
        var options = ConnectionOptions();
        Ask(options, client =>
        {
            foreach (var usage in new GpuUsageReader(client, Catalog, options).Read(start, end, this, StopToken)) WriteObject(usage);
        });
    }
}
