using System.Runtime.CompilerServices;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using CapacityTools.Core.Data;

namespace CapacityTools.Core.Gpu;

/// <summary>
/// The accelerator entries of the PCI ID Repository (https://pci-ids.ucw.cz/, BSD-3-Clause), embedded from
/// seeds/pci-accelerators.ids: vendor and device names by id. Loaded once, lazily; immutable and thread-safe.
/// </summary>
public sealed class PciIdDatabase
{
    private static readonly Lazy<PciIdDatabase> s_embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    // "0x2331", "Device Id: 0x233110DE" (nvidia-smi -q: device then vendor), "10de:2331", "Device ID: 0x74a1",
    // "NVIDIA Corporation Device 2331" (lspci without names).
    private static readonly Regex s_labelled = new(
        @"^(?:.*?\b(?:pci\s*)?device(?:\s*id)?\s*[:=]?\s*)?0x(?<device>[0-9a-f]{4})(?<vendor>[0-9a-f]{4})?$|^(?<vendor>[0-9a-f]{4}):(?<device>[0-9a-f]{4})$|^(?:pci\s*)?device(?:\s*id)?\s*[:=]?\s*(?<device>[0-9a-f]{4})$|\bdevice\s+(?<device>[0-9a-f]{4})$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex s_bare = new(@"^[0-9a-f]{4}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private readonly Dictionary<int, string> _devices = new();
    private readonly Dictionary<int, string> _vendors = new();

    private PciIdDatabase(TextReader reader)
    {
        string? line;
        var vendor = -1;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            if (line[0] != '\t')
            {
                vendor = Hex(line, 0);
                if (vendor >= 0) _vendors[vendor] = line.Substring(4).Trim();
                if (line.StartsWith("C ", StringComparison.Ordinal)) break; // device classes follow the vendors
            }
            else if (line.Length > 6 && line[1] != '\t' && vendor >= 0 && Hex(line, 1) is var device and >= 0)
            {
                _devices[(vendor << 16) | device] = line.Substring(5).Trim();
            }
        }
        Version = "";
    }

    /// <summary>The database built into the module.</summary>
    public static PciIdDatabase Embedded => s_embedded.Value;

    /// <summary>The repository's version line, e.g. "2026.08.22".</summary>
    public string Version { get; private set; }

    public int Count => _devices.Count;

    /// <summary>The device's name in the database ("GH100 [H100 PCIe]"), or null.</summary>
    public string? DeviceName(int vendor, int device) => _devices.TryGetValue((vendor << 16) | device, out var name) ? name : null;

    /// <summary>True when <paramref name="text"/> starts with the name of a vendor the database holds ("NVIDIA Corporation …").</summary>
    public bool StartsWithVendorName(string text) =>
        _vendors.Values.Any(name => text.StartsWith(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the database holds devices of this vendor id (NVIDIA, AMD, Habana, Intel's accelerators).</summary>
    public bool HasVendor(int vendor) => _vendors.ContainsKey(vendor);

    public string VendorName(int vendor) => _vendors.TryGetValue(vendor, out var name) ? name : vendor.ToString("x4", CultureInfo.InvariantCulture);

    /// <summary>The vendors that have a device with this id, in database order.</summary>
    public IReadOnlyList<int> VendorsOf(int device) => _vendors.Keys.Where(v => _devices.ContainsKey((v << 16) | device)).ToList();

    /// <summary>
    /// Reads a written PCI id: "0x2331", "10de:2331", "Device Id: 0x233110DE", "Device ID: 0x74a1",
    /// "NVIDIA Corporation Device 2331"; with <paramref name="allowBare"/>, also "2331" and "740f".
    /// Vendor is -1 where the text gives none.
    /// </summary>
    [MethodImpl(JitNow.Optimized)]
    public static bool TryParseId(string text, bool allowBare, out int vendor, out int device)
    {
        vendor = -1;
        device = -1;
        text = text.Trim();
        var match = text.Length >= 4 && Uri.IsHexDigit(text[text.Length - 1]) && MayBeId(text) ? s_labelled.Match(text) : Match.Empty;
        if (match.Success)
        {
            device = Hex(match.Groups["device"].Value, 0);
            if (match.Groups["vendor"].Success) vendor = Hex(match.Groups["vendor"].Value, 0);
            return device >= 0;
        }
        if (!allowBare || !s_bare.IsMatch(text)) return false;
        device = Hex(text, 0);
        return true;
    }

    // The literals the id forms need ("0x", "vvvv:dddd", "device"), checked before the regular expression runs.
    private static bool MayBeId(string text) =>
        text.IndexOf("0x", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf(':') > 0 || text.IndexOf("device", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>The vendor a line names in words ("NVIDIA Corporation Device 2331"), or -1.</summary>
    public int VendorNamedIn(string text)
    {
        foreach (var entry in _vendors)
        {
            var first = NameKey.Words(entry.Value).FirstOrDefault();
            if (first is not null && NameKey.Words(text).Contains(first)) return entry.Key;
        }
        return -1;
    }

    private static int Hex(string text, int start) =>
        text.Length >= start + 4 && int.TryParse(text.Substring(start, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            && (start + 4 == text.Length || !Uri.IsHexDigit(text[start + 4])) ? value : -1;

    private static PciIdDatabase LoadEmbedded()
    {
        using var stream = EmbeddedData.Open("pci-accelerators.ids");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var version = Regex.Match(text, @"^#\s*Version:\s*(\S+)", RegexOptions.Multiline).Groups[1].Value;
        return new PciIdDatabase(new StringReader(text)) { Version = version };
    }
}
