/* array.h: the containers behind shell arrays (var.c). No shell knowledge.
 *
 * An indexed array is a dense vector (O(1) index, amortised O(1) append,
 * holes are NULL) until an assignment would leave it mostly holes
 * (a[2**62]=x); then it becomes a sparse ordered map (sorted index/value
 * vectors: O(log n) lookup, O(1) amortised append at the end). An
 * associative array is a chained hash table laid out as bash's is, so its
 * keys come out in bash's order. Values are malloc'd strings owned by the
 * array. */
#ifndef ARRAY_H
#define ARRAY_H
#include <stdbool.h>
#include <stddef.h>

struct array;

struct array *arr_new(bool assoc);
void arr_free(struct array *a);
struct array *arr_copy(const struct array *a);	/* the same elements, copied */
void arr_clear(struct array *a);			/* no elements, same kind */
bool arr_is_assoc(const struct array *a);
size_t arr_count(const struct array *a);		/* set elements */
long arr_max(const struct array *a);			/* indexed: highest index, -1 if empty */

/* Indexed (i >= 0). arr_set takes ownership of malloc'd `val`. */
const char *arr_get(const struct array *a, long i);
void arr_set(struct array *a, long i, char *val);
bool arr_unset(struct array *a, long i);		/* false if it was not set */

/* Associative. arr_aset copies `key` and takes ownership of `val`. */
const char *arr_aget(const struct array *a, const char *key);
void arr_aset(struct array *a, const char *key, char *val);
bool arr_aunset(struct array *a, const char *key);

/* Iteration in index order (indexed) or bash's hash order (associative):
 * start with *pos = 0; each call returns false at the end, else fills
 * *idx (indexed) or *key (associative) and *val. */
bool arr_next(const struct array *a, size_t *pos, long *idx, const char **key,
    const char **val);

#endif
