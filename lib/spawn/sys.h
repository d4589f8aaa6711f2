/* sys.h: raw Linux system calls for the spawn child (private to lib/spawn).
 *
 * The child of a clone(CLONE_VM) spawn shares the parent's memory, and so
 * its errno (same thread pointer): it must not call libc wrappers that set
 * errno. These wrappers return the kernel's result directly, -errno on
 * failure. x86_64 and aarch64 use inline assembly; other architectures fall
 * back to syscall(3), saving and restoring errno around it (the parent is
 * suspended in the synchronous mode, so nobody else reads errno then). */
#ifndef SPAWN_SYS_H
#define SPAWN_SYS_H
#include <errno.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
/* Issues system call `n` with up to six arguments; returns -errno on error. */
static inline long
spawn_sys6(long n, long a, long b, long c, long d, long e, long f)
{
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}
#elif defined(__aarch64__)
/* Issues system call `n` with up to six arguments; returns -errno on error. */
static inline long
spawn_sys6(long n, long a, long b, long c, long d, long e, long f)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;
	register long x3 __asm__("x3") = d;
	register long x4 __asm__("x4") = e;
	register long x5 __asm__("x5") = f;

	__asm__ volatile("svc 0"
			 : "+r"(x0)
			 : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5)
			 : "memory", "cc");
	return x0;
}
#else
/* Issues system call `n` through syscall(3) without disturbing errno;
 * returns -errno on error. */
static inline long
spawn_sys6(long n, long a, long b, long c, long d, long e, long f)
{
	int saved = errno;
	long ret = syscall(n, a, b, c, d, e, f);

	if (ret == -1)
		ret = -errno;
	errno = saved;
	return ret;
}
#endif

#define SPAWN_SYS0(n) spawn_sys6((n), 0, 0, 0, 0, 0, 0)
#define SPAWN_SYS1(n, a) spawn_sys6((n), (long)(a), 0, 0, 0, 0, 0)
#define SPAWN_SYS2(n, a, b) spawn_sys6((n), (long)(a), (long)(b), 0, 0, 0, 0)
#define SPAWN_SYS3(n, a, b, c) \
	spawn_sys6((n), (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define SPAWN_SYS4(n, a, b, c, d) \
	spawn_sys6((n), (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define SPAWN_SYS5(n, a, b, c, d, e) \
	spawn_sys6((n), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)

#ifndef SYS_close_range
#define SYS_close_range 436
#endif

#endif
