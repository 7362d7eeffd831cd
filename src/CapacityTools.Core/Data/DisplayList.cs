using System.Collections;
using System.Runtime.CompilerServices;

namespace CapacityTools.Core;

/// <summary>
/// The read-only list every output type uses for a list property. It reads well wherever PowerShell turns a
/// property into text: Export-Csv and Format-Table show "Poland ($914.6 bn); Taiwan ($797 bn)", never
/// "System.Collections.Generic.List`1[...]"; ConvertTo-Json still writes a JSON array.
/// </summary>
[CollectionBuilder(typeof(DisplayList), nameof(DisplayList.Create))]
public sealed class DisplayList<T> : IReadOnlyList<T>
{
    private readonly T[] _items;

    internal DisplayList(T[] items) => _items = items;

    public static DisplayList<T> Empty { get; } = new([]);

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public override string ToString() => string.Join("; ", _items.Select(i => i?.ToString()));

    public static implicit operator DisplayList<T>(List<T> items) => DisplayList.From(items);

    public static implicit operator DisplayList<T>(T[] items) => DisplayList.From(items);
}

/// <summary>Makes <see cref="DisplayList{T}"/>s (and lets collection expressions such as <c>[]</c> build them).</summary>
public static class DisplayList
{
    public static DisplayList<T> Create<T>(ReadOnlySpan<T> items) => items.Length == 0 ? DisplayList<T>.Empty : new(items.ToArray());

    public static DisplayList<T> From<T>(IEnumerable<T>? items) => items switch
    {
        null => DisplayList<T>.Empty,
        DisplayList<T> list => list,
        _ => items.ToArray() is { Length: > 0 } array ? new DisplayList<T>(array) : DisplayList<T>.Empty,
    };

    public static DisplayList<T> ToDisplayList<T>(this IEnumerable<T> items) => From(items);
}
