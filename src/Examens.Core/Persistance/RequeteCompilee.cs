using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Examens.Core.Persistance;

/// <summary>
/// A hot query compiled once per EF model (<see cref="EF.CompileAsyncQuery{TContext, TResult}(System.Linq.Expressions.Expression{Func{TContext, TResult}})"/>):
/// it skips building, hashing and looking up its expression on each call. One per model because SQLite and PostgreSQL
/// each have theirs in the same test process (a node has one), and a compiled query recompiles when the model changes.
/// </summary>
public sealed class RequeteCompilee<TRequete>(Func<TRequete> compiler)
    where TRequete : class
{
    private readonly ConditionalWeakTable<IModel, TRequete> _parModele = [];

    public TRequete Pour(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _parModele.GetValue(db.Model, _ => compiler());
    }
}
