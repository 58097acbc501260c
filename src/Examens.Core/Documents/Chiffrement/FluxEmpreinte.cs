using System.Security.Cryptography;

namespace Examens.Core.Documents.Chiffrement;

/// <summary>A read-only pass-through that computes the SHA-256 and length of what is read through it (the plain bytes before encryption).</summary>
internal sealed class FluxEmpreinte(Stream source) : Stream
{
    private readonly IncrementalHash _hachage = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long Lus { get; private set; }

    public string Empreinte() => Convert.ToHexStringLower(_hachage.GetHashAndReset());

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => Lus; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var lus = source.Read(buffer);
        Compter(buffer[..lus]);
        return lus;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var lus = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Compter(buffer.Span[..lus]);
        return lus;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hachage.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Compter(ReadOnlySpan<byte> octets)
    {
        _hachage.AppendData(octets);
        Lus += octets.Length;
    }
}
