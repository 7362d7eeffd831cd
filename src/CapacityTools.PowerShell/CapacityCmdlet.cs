using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Threading;
using CapacityTools.Core;
using CapacityTools.Core.Gpu;
using CapacityTools.Core.Inventory;

namespace CapacityTools.PowerShell;

/// <summary>What every CapacityTools cmdlet shares: the session's catalog and the mapping of core problems to error records.</summary>
public abstract class CapacityCmdlet : PSCmdlet, IProblemSink
{
    /// <summary>The catalog of this runspace: the embedded one plus whatever Import-GpuCatalog added.</summary>
    protected static GpuCatalog Catalog => SessionData.Catalog.Current;

    private readonly CancellationTokenSource _stop = new();
    private DateTime _lastProgress = DateTime.MinValue;
    private DateTime _firstProgress = DateTime.MinValue;

    protected void WriteProblem(Problem problem) => WriteError(ToErrorRecord(problem));

    // The core's one channel for what is not a result (see IProblemSink).
    void IProblemSink.Problem(Problem problem) => WriteProblem(problem);

    void IProblemSink.Warning(string message) => WriteWarning(message);

    void IProblemSink.Verbose(string message) => WriteVerbose(message);

    /// <summary>Every warning passes here: text from data cannot write control sequences to the terminal.</summary>
    protected new void WriteWarning(string text) => base.WriteWarning(SafeText.Clean(text));

    /// <summary>Every verbose line passes here, for the same reason as <see cref="WriteWarning"/>.</summary>
    protected new void WriteVerbose(string text) => base.WriteVerbose(SafeText.Clean(text));

    /// <summary>
    /// The one file loop: reads each file with <paramref name="read"/>, and turns whatever goes wrong with one
    /// file into a non-terminating error, so one bad file never stops the others. Ctrl+C stops the pipeline.
    /// </summary>
    protected void ForEachFile(IEnumerable<string> files, Action<string> read) => ForEachSource(files, f => f, read);

    /// <summary>As <see cref="ForEachFile"/>, for any named source (text gathered from the pipeline, a file).</summary>
    protected void ForEachSource<T>(IEnumerable<T> sources, Func<T, string> name, Action<T> read)
    {
        foreach (var source in sources)
        {
            try
            {
                read(source);
            }
            catch (CapacityException ex)
            {
                WriteProblem(ex.Problem);
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
            catch (Exception ex) when (Problem.IsFileError(ex))
            {
                WriteProblem(Problem.FileUnreadable(name(source), ex));
            }
            catch (Exception ex) when (ex is not (RuntimeException or OutOfMemoryException))
            {
                // A parser's own exception (truncated XML, invalid JSON, a CSV record past the size limit): never raw.
                // PowerShell's own (a terminating error, Ctrl+C) go on as they are.
                WriteProblem(Problem.UnreadableContent(name(source), ex));
            }
        }
    }

    /// <summary>Writes what an inventory reader yields: an item as output, a problem as an error, a warning as a warning.</summary>
    protected void WriteEntry(InventoryEntry entry)
    {
        if (entry.Item is not null) WriteObject(entry.Item);
        else if (entry.Problem is not null) WriteProblem(entry.Problem);
        else if (entry.Warning is not null) WriteWarning(entry.Warning);
        else if (entry.Info is not null) WriteVerbose(entry.Info);
    }

    /// <summary>Cancelled when the user presses Ctrl+C (StopProcessing), for long reads in the core.</summary>
    protected CancellationToken StopToken => _stop.Token;

    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>Progress of a file read after its first second, at most four times a second, from the pipeline thread.</summary>
    protected void WriteFileProgress(int activityId, string activity, string file, long position, long length)
    {
        var now = DateTime.UtcNow;
        // Only work that takes long enough to watch shows a bar: nothing in the first second, then four times a second.
        if (_firstProgress == DateTime.MinValue) _firstProgress = now;
        if ((now - _firstProgress).TotalMilliseconds < 1000 || (now - _lastProgress).TotalMilliseconds < 250) return;
        _lastProgress = now;
        var percent = length > 0 ? (int)Math.Min(100, position * 100 / length) : -1;
        WriteProgress(new ProgressRecord(activityId, activity, $"{file}: {position / 1048576.0:N0} of {length / 1048576.0:N0} MB") { PercentComplete = percent });
    }

    protected void CompleteProgress(int activityId, string activity)
    {
        if (_lastProgress == DateTime.MinValue) return;
        WriteProgress(new ProgressRecord(activityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
    }


    /// <summary>
    /// The files that -Path (wildcards expanded, relative to $PWD) or -LiteralPath (taken as written) name.
    /// A path that matches nothing is a non-terminating PathNotFound error, as for Get-Content; the others are returned.
    /// </summary>
    protected List<string> ResolveFiles(string[]? paths, bool literal)
    {
        var files = new List<string>();
        foreach (var path in paths ?? [])
        {
            if (literal)
            {
                var file = GetUnresolvedProviderPathFromPSPath(path);
                if (File.Exists(file)) files.Add(file);
                else WriteProblem(PathNotFound(path));
                continue;
            }
            Collection<string> resolved;
            ProviderInfo provider;
            try
            {
                resolved = GetResolvedProviderPathFromPSPath(path, out provider);
            }
            catch (ItemNotFoundException)
            {
                WriteProblem(PathNotFound(path));
                continue;
            }
            if (provider.Name != "FileSystem")
            {
                WriteProblem(new Problem(ErrorIds.NotAFileSystemPath, ProblemKind.InvalidArgument,
                    $"'{path}' is on the {provider.Name} provider, not a file.", path, recommendedAction: "Give the path of a file."));
                continue;
            }
            var matched = resolved.Where(f => !Directory.Exists(f)).ToList();
            if (matched.Count == 0) WriteProblem(PathNotFound(path));
            files.AddRange(matched);
        }
        return files;
    }

    private static Problem PathNotFound(string path) =>
        new(ErrorIds.PathNotFound, ProblemKind.NotFound, $"Cannot find the file '{path}'.", path,
            recommendedAction: "Check the path; relative paths are resolved from the current location.");

    protected void ThrowProblem(Problem problem) => ThrowTerminatingError(ToErrorRecord(problem));

    /// <summary>
    /// The bulk -Path mode: reads each file in the core (no PowerShell object per row), hands each
    /// distinct model's summed units to <paramref name="add"/>, writes bad rows as errors as they are
    /// met and progress from the reader's byte offset. Returns the rows skipped.
    /// </summary>
    protected long ReadBulk(IEnumerable<string> files, InventoryOptions options, string activity, Action<ScannedModel> add)
    {
        long skipped = 0;
        ForEachFile(files, file =>
        {
            var reader = new BulkFleetReader(Catalog, options);
            try
            {
                foreach (var model in reader.Read(file, file, this,
                    (position, length) => WriteFileProgress(2, activity, file, position, length), StopToken))
                {
                    add(model);
                }
            }
            finally
            {
                skipped += reader.Skipped;
            }
        });
        CompleteProgress(2, activity);
        return skipped;
    }

    internal static ErrorRecord ToErrorRecord(Problem problem)
    {
        var category = problem.Kind switch
        {
            ProblemKind.NotFound => ErrorCategory.ObjectNotFound,
            ProblemKind.InvalidArgument => ErrorCategory.InvalidArgument,
            ProblemKind.NotAvailable => ErrorCategory.InvalidOperation,
            ProblemKind.PermissionDenied => ErrorCategory.PermissionDenied,
            ProblemKind.ConnectionError => ErrorCategory.ConnectionError,
            ProblemKind.Timeout => ErrorCategory.OperationTimeout,
            _ => ErrorCategory.InvalidData,
        };
        var record = new ErrorRecord(new CapacityException(problem), problem.ErrorId, category, problem.Target);
        var message = problem.Location is null ? problem.Message : $"{problem.Location}: {problem.Message}";
        record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = problem.RecommendedAction ?? "" };
        return record;
    }
}
