using System.IO;

namespace CapacityTools.Core.Inventory;

/// <summary>
/// Finds the line of a byte offset in a file by counting line feeds, on demand. The bulk scan reads
/// without line tracking (it costs on every row) and asks this only for the rows it reports; offsets
/// asked in increasing order are counted once in all.
/// </summary>
internal sealed class LineLocator : IDisposable
{
    private readonly string _path;
    private FileStream? _stream;
    private readonly byte[] _buffer = new byte[65536];
    private long _offset;
    private long _line = 1;

    public LineLocator(string path) => _path = path;

    public long LineOf(long byteOffset)
    {
        _stream ??= new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.SequentialScan);
        if (byteOffset < _offset)
        {
            _offset = 0;
            _line = 1;
        }
        _stream.Position = _offset;
        while (_offset < byteOffset)
        {
            var want = (int)Math.Min(_buffer.Length, byteOffset - _offset);
            var read = _stream.Read(_buffer, 0, want);
            if (read <= 0) break;
            for (var i = 0; i < read; i++) if (_buffer[i] == (byte)'\n') _line++;
            _offset += read;
        }
        return _line;
    }

    public void Dispose() => _stream?.Dispose();
}
