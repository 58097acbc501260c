namespace Examens.Core.Tests.Outils;

/// <summary>Gives its first bytes, then fails like a dropped connection, calling <c>avantEchec</c> at the moment it fails.</summary>
internal sealed class FluxDefaillant(byte[] debut, Action avantEchec) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= debut.Length)
        {
            avantEchec();
            throw new IOException("Connexion interrompue pendant l'envoi.");
        }

        var n = Math.Min(count, debut.Length - _position);
        Array.Copy(debut, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
