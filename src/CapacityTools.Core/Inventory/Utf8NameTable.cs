using System.Runtime.InteropServices;

namespace CapacityTools.Core.Inventory;

/// <summary>
/// An open-addressing map from UTF-8 byte strings to small ids, looked up by span, so a bulk scan can
/// recognise a model string it has seen without making a string of it. Bounded by its capacity.
/// </summary>
internal sealed class Utf8NameTable<T> where T : class
{
    private readonly int _capacity;
    private byte[][] _keys;
    private T[] _values;
    private uint[] _hashes;
    private int _mask;

    public Utf8NameTable(int capacity)
    {
        _capacity = capacity;
        _keys = new byte[64][];
        _values = new T[64];
        _hashes = new uint[64];
        _mask = 63;
    }

    public int Count { get; private set; }

    /// <summary>The value stored for the bytes, or null.</summary>
    public T? Find(ReadOnlySpan<byte> key)
    {
        var hash = Hash(key);
        for (var i = (int)hash & _mask; ; i = (i + 1) & _mask)
        {
            var k = _keys[i];
            if (k is null) return null;
            if (_hashes[i] == hash && key.SequenceEqual(k)) return _values[i];
        }
    }

    /// <summary>Stores a value for the bytes, unless the table is full.</summary>
    public void Add(ReadOnlySpan<byte> key, T value)
    {
        if (Count >= _capacity) return;
        if ((Count + 1) * 2 > _keys.Length) Grow();
        Insert(key.ToArray(), Hash(key), value);
        Count++;
    }

    private void Insert(byte[] key, uint hash, T value)
    {
        var i = (int)hash & _mask;
        while (_keys[i] is not null) i = (i + 1) & _mask;
        _keys[i] = key;
        _hashes[i] = hash;
        _values[i] = value;
    }

    private void Grow()
    {
        var keys = _keys;
        var values = _values;
        var hashes = _hashes;
        _keys = new byte[keys.Length * 2][];
        _values = new T[keys.Length * 2];
        _hashes = new uint[keys.Length * 2];
        _mask = _keys.Length - 1;
        for (var i = 0; i < keys.Length; i++)
            if (keys[i] is not null) Insert(keys[i], hashes[i], values[i]);
    }

    // Length, the first and the last 8 bytes (overlapping for short keys), multiplied and mixed: two
    // reads for any key of 8 bytes or more. Keys that collide are still told apart by comparing bytes.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<byte> key)
    {
        ulong h;
        if (key.Length >= 8)
        {
            h = (MemoryMarshal.Read<ulong>(key) * 0x9E3779B97F4A7C15UL) ^ (MemoryMarshal.Read<ulong>(key.Slice(key.Length - 8)) * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)key.Length;
        }
        else
        {
            h = (ulong)key.Length;
            foreach (var b in key) h = (h << 8) | b;
            h *= 0x9E3779B97F4A7C15UL;
        }
        h ^= h >> 29;
        return (uint)h ^ (uint)(h >> 32);
    }
}
