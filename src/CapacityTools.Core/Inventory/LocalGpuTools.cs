using System.Diagnostics;
using System.IO;
using System.Text;
using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Inventory;

/// <summary>
/// Reads this machine's GPUs by running the vendor tools found on PATH (<c>nvidia-smi -q -x</c>; <c>amd-smi static --json</c>,
/// else <c>rocm-smi --showproductname --json</c>) and giving their output to the same readers as saved files.
/// </summary>
public static class LocalGpuTools
{
    /// <summary>The tools, in the order they are tried; a later AMD tool is skipped when an earlier one ran.</summary>
    public static readonly IReadOnlyList<(string Tool, string Arguments, InventoryFormat Format, bool Amd)> Tools =
    [
        ("nvidia-smi", "-q -x", InventoryFormat.NvidiaSmiXml, false),
        ("amd-smi", "static --json", InventoryFormat.AmdSmiStatic, true),
        ("rocm-smi", "--showproductname --json", InventoryFormat.RocmSmiJson, true),
    ];

    /// <summary>Items, errors and warnings of every tool present; one NoGpuTool error when none is.</summary>
    public static IEnumerable<InventoryEntry> Read(GpuCatalog catalog, string host, TimeSpan timeout, CancellationToken token = default)
    {
        var ran = false;
        var amdRan = false;
        foreach (var (tool, arguments, format, amd) in Tools)
        {
            if (amd && amdRan) continue;
            var path = Find(tool);
            if (path is null) continue;
            ran = true;
            amdRan |= amd;
            var command = $"{tool} {arguments}";
            if (!TryRun(path, arguments, timeout, token, out var output, out var failure))
            {
                yield return InventoryEntry.Of(new Problem(ErrorIds.GpuToolFailed, ProblemKind.NotAvailable, $"'{command}' on {host} failed: {failure}", command,
                    recommendedAction: "Run the command yourself to see why (a driver that is not loaded is the usual cause)."));
                continue;
            }
            var reader = new InventoryReader(catalog, new InventoryOptions { Format = format, Host = host });
            foreach (var entry in reader.ReadText(output, command, token)) yield return entry;
        }
        if (!ran)
            yield return InventoryEntry.Of(new Problem(ErrorIds.NoGpuTool, ProblemKind.NotFound,
                $"None of {string.Join(", ", Tools.Select(t => t.Tool))} is on the PATH of {host}, so its GPUs cannot be read.", host,
                recommendedAction: "Install the GPU driver's tools (NVIDIA driver, ROCm or amd-smi), or read the fleet with -PrometheusUri or Import-GpuInventory."));
    }

    /// <summary>The full path of an executable on PATH (with PATHEXT on Windows), or null.</summary>
    public static string? Find(string tool)
    {
        var windows = Path.DirectorySeparatorChar == '\\';
        var extensions = windows ? (Environment.GetEnvironmentVariable("PATHEXT") ?? ".EXE;.CMD;.BAT").Split(';').Prepend("") : [""];
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Trim().Length == 0) continue;
            foreach (var ext in extensions)
            {
                var candidate = Path.Combine(dir.Trim().Trim('"'), tool + ext);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    private static bool TryRun(string path, string arguments, TimeSpan timeout, CancellationToken token, out string output, out string failure)
    {
        output = "";
        failure = "";
        var info = new ProcessStartInfo(path, arguments)
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        try
        {
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            var deadline = DateTime.UtcNow + timeout;
            while (!process.WaitForExit(100))
            {
                if (!token.IsCancellationRequested && DateTime.UtcNow < deadline) continue;
                try { process.Kill(); } catch (InvalidOperationException) { }
                token.ThrowIfCancellationRequested();
                failure = $"it did not finish within {timeout.TotalSeconds:0} s.";
                return false;
            }
            output = stdout.GetAwaiter().GetResult();
            var error = stderr.GetAwaiter().GetResult().Trim();
            if (process.ExitCode == 0 && output.Trim().Length > 0) return true;
            failure = $"exit code {process.ExitCode}{(error.Length > 0 ? ": " + error.Split('\n')[0].Trim() : output.Trim().Length == 0 ? ", no output" : "")}.";
            return false;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            failure = ex.Message;
            return false;
        }
    }
}
