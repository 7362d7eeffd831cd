using System.Collections.ObjectModel;
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

    /// <summary>
    /// File-system paths for -Path (wildcards expanded, relative to $PWD) or -LiteralPath (taken as written).
    /// A path that matches nothing is a non-terminating PathNotFound error; the others are still returned.
    /// </summary>
    protected IEnumerable<string> ResolveFilePaths(string[]? path, string[]? literalPath)
    {
        if (literalPath is not null)
        {
            foreach (var literal in literalPath)
            {
                var resolved = GetUnresolvedProviderPathFromPSPath(literal);
                if (File.Exists(resolved)) yield return resolved;
                else WriteProblem(PathNotFound(literal));
            }
            yield break;
        }
        foreach (var pattern in path ?? [])
        {
            Collection<string>? resolved = null;
            try
            {
                resolved = GetResolvedProviderPathFromPSPath(pattern, out var provider);
                if (provider.Name != "FileSystem")
                {
                    WriteProblem(new Problem("NotAFileSystemPath", ProblemKind.InvalidArgument,
                        $"'{pattern}' is on the {provider.Name} provider, not a file.", pattern, recommendedAction: "Give the path of a file."));
                    continue;
                }
            }
            catch (ItemNotFoundException)
            {
            }
            if (resolved is null || resolved.Count == 0) { WriteProblem(PathNotFound(pattern)); continue; }
            foreach (var file in resolved) yield return file;
        }
    }

    private static Problem PathNotFound(string path) =>
        new("PathNotFound", ProblemKind.NotFound, $"Cannot find the file '{path}'.", path,
            recommendedAction: "Check the path; relative paths are resolved from the current location.");

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
        var message = problem.Location is null ? problem.Message : $"{problem.Location}: {problem.Message}";
        record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = problem.RecommendedAction ?? "" };
        return record;
    }
}
