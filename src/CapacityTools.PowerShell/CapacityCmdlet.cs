using System.Management.Automation;
using CapacityTools.Core;
using CapacityTools.Core.Gpu;

namespace CapacityTools.PowerShell;

/// <summary>What every CapacityTools cmdlet shares: the session's catalog and the mapping of core problems to error records.</summary>
public abstract class CapacityCmdlet : PSCmdlet
{
    /// <summary>The catalog of this runspace: the embedded one plus whatever Import-GpuCatalog added.</summary>
    protected static GpuCatalog Catalog => SessionCatalog.Current;

    protected void WriteProblem(Problem problem) => WriteError(ToErrorRecord(problem));

    protected void ThrowProblem(Problem problem) => ThrowTerminatingError(ToErrorRecord(problem));

    internal static ErrorRecord ToErrorRecord(Problem problem)
    {
        var category = problem.Kind switch
        {
            ProblemKind.NotFound => ErrorCategory.ObjectNotFound,
            ProblemKind.InvalidArgument => ErrorCategory.InvalidArgument,
            ProblemKind.NotAvailable => ErrorCategory.InvalidOperation,
            _ => ErrorCategory.InvalidData,
        };
        var record = new ErrorRecord(new CapacityException(problem), problem.ErrorId, category, problem.Target);
        if (problem.RecommendedAction is not null)
        {
            var message = problem.Location is null ? problem.Message : $"{problem.Location}: {problem.Message}";
            record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = problem.RecommendedAction };
        }
        return record;
    }
}
