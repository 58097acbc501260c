using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Examens.Web.Infrastructure;

/// <summary>
/// What a node worked out from an exact cookie (a decrypted ticket, an end time), kept beside that cookie until a given
/// instant so that the next request carrying it skips the decryption. Bounded: when full, the entries past their
/// instant go first, and if live ones still fill it, it is emptied and fills again (a lost copy only costs a decryption).
/// The cookie itself is not kept, only its SHA-256 (a candidate's session cookie is about 800 characters, 1.6 KB in
/// memory, as much as the ticket's copy): only that exact cookie reaches its entry.
/// </summary>
public sealed class CopieBornee<TValeur>(int capacite)
{
    private readonly ConcurrentDictionary<(UInt128, UInt128), (TValeur Valeur, DateTimeOffset Jusque)> _copies = new();
    private int _nombre;

    public int Capacite => capacite;

    /// <summary>How many entries are kept now.</summary>
    public int Nombre => _copies.Count;

    /// <summary>The value kept for <paramref name="cle"/>, if it is still before its instant at <paramref name="maintenant"/>.</summary>
    public bool TryLire(string cle, DateTimeOffset maintenant, out TValeur valeur)
    {
        if (_copies.TryGetValue(Empreinte(cle), out var copie) && copie.Jusque > maintenant)
        {
            valeur = copie.Valeur;
            return true;
        }

        valeur = default!;
        return false;
    }

    public void Garder(string cle, TValeur valeur, DateTimeOffset jusque, DateTimeOffset maintenant)
    {
        // Its own count: ConcurrentDictionary.Count takes every lock, and this runs on every miss.
        if (Volatile.Read(ref _nombre) >= capacite)
        {
            foreach (var (c, copie) in _copies)
            {
                if (copie.Jusque <= maintenant && _copies.TryRemove(c, out _))
                {
                    Interlocked.Decrement(ref _nombre);
                }
            }

            if (_copies.Count >= capacite)
            {
                _copies.Clear();
                Volatile.Write(ref _nombre, 0);
            }
        }

        var empreinte = Empreinte(cle);
        if (_copies.TryAdd(empreinte, (valeur, jusque)))
        {
            Interlocked.Increment(ref _nombre);
        }
        else
        {
            _copies[empreinte] = (valeur, jusque);
        }
    }

    private static (UInt128, UInt128) Empreinte(string cle)
    {
        Span<byte> empreinte = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(cle.AsSpan()), empreinte);
        return (BinaryPrimitives.ReadUInt128LittleEndian(empreinte), BinaryPrimitives.ReadUInt128LittleEndian(empreinte[16..]));
    }
}
