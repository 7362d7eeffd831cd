using System.Management.Automation;
using CapacityTools.Core;
using CapacityTools.Core.Inventory;

namespace CapacityTools.PowerShell;

/// <summary>
/// Reads the model and count of a pipeline object by the same names the CSV importer recognises
/// (<see cref="InventoryColumns"/>): inventory items, Import-Csv rows, Get-GpuEquivalent results, plain strings.
/// Remembers which property names the last object used, since a pipeline's rows share a shape.
/// </summary>
internal sealed class PipelineRow
{
    private string? _modelProperty;
    private string? _countProperty;

    /// <summary>True when the last object's count came from a property named for GPUs (Gpus, GpuCount): see <see cref="CountUnits"/>.</summary>
    public bool CountIsGpus { get; private set; }

    /// <summary>
    /// The model and count of an object. False with a problem for a bad count; false without one for an
    /// inventory item that has no model (its reader already reported why).
    /// </summary>
    public bool TryRead(PSObject input, out string? model, out double count, out Problem? problem)
    {
        problem = null;
        count = 1;
        CountIsGpus = false;
        switch (input.BaseObject)
        {
            case GpuInventoryItem item:
                model = item.Model;
                count = item.Count;
                if (model is null)
                {
                    // The reader already wrote the error for this item; the fleet counts it as skipped.
                    problem = null;
                    return false;
                }
                return true;
            case string text:
                model = text;
                return true;
        }

        model = Value(input, ref _modelProperty, InventoryColumns.ObjectModelNames, out _) is { } m ? LanguagePrimitives.ConvertTo<string>(m) : null;
        var value = Value(input, ref _countProperty, InventoryColumns.CountNames, out var hasCount);
        // An object with no count property at all is one GPU, as a CSV row is without a count column;
        // a count property that is there but empty (a ragged Import-Csv row) is an error, never 1.
        if (!hasCount) return true;
        CountIsGpus = CountUnits.NamesGpus(_countProperty);
        if (GpuCount.TryFromValue(value, out count, out problem)) return true;
        problem = problem.For(model, input);
        return false;
    }

    private static object? Value(PSObject input, ref string? remembered, IReadOnlyList<string> names, out bool found)
    {
        found = true;
        if (remembered is not null && input.Properties[remembered] is { } known) return Unwrap(known.Value);
        foreach (var name in names)
        {
            if (input.Properties[name] is { } property)
            {
                remembered = name;
                return Unwrap(property.Value);
            }
        }
        found = false;
        return null;
    }

    private static object? Unwrap(object? value) => value is PSObject ps ? ps.BaseObject : value;
}
