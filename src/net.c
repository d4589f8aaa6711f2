/* net.c: bash's network redirections, /dev/tcp/HOST/PORT and
 * /dev/udp/HOST/PORT (not in posix mode): the redirection opens a socket
 * connected to HOST (a name or an IPv4/IPv6 address) and PORT (a number
 * or a service name) instead of a file.
 *
 * The static build cannot use getaddrinfo (glibc's NSS cannot be loaded
 * into a static program, see user.c), so it resolves as the "files" and
 * "dns" sources would: a numeric address, then /etc/hosts, then the
 * system's own resolver through `getent ahosts HOST` run from a spawn
 * plan; a service name is looked up in /etc/services. The dynamic build
 * asks getaddrinfo. Each address is tried in turn until one connects. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include "shell.h"

enum { MAX_ADDRS = 16 };

struct addrs {
	size_t n;
	struct sockaddr_storage a[MAX_ADDRS];
	socklen_t len[MAX_ADDRS];
};

#ifdef SPSH_STATIC
char *user_getent(const char *db, const char *key);

/* Appends the numeric address `s` with `port`; false if `s` is not one. */
static bool
add_numeric(struct addrs *out, const char *s, int port)
{
	struct sockaddr_in *v4 = (struct sockaddr_in *)&out->a[out->n];
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&out->a[out->n];

	if (out->n == MAX_ADDRS)
		return true;
	memset(&out->a[out->n], 0, sizeof out->a[0]);
	if (inet_pton(AF_INET, s, &v4->sin_addr) == 1) {
		v4->sin_family = AF_INET;
		v4->sin_port = htons((unsigned short)port);
		out->len[out->n++] = sizeof *v4;
		return true;
	}
	if (inet_pton(AF_INET6, s, &v6->sin6_addr) == 1) {
		v6->sin6_family = AF_INET6;
		v6->sin6_port = htons((unsigned short)port);
		out->len[out->n++] = sizeof *v6;
		return true;
	}
	return false;
}


/* The port of service `name` for "tcp" or "udp" in /etc/services, or -1. */
static int
service_port(const char *name, const char *proto)
{
	FILE *f = fopen("/etc/services", "re");
	char line[512];
	int port = -1;

	if (f == NULL)
		return -1;
	while (port < 0 && fgets(line, sizeof line, f) != NULL) {
		char *save, *w = strtok_r(line, " \t\n", &save), *pp, *slash;
		if (w == NULL || w[0] == '#' || (pp = strtok_r(NULL, " \t\n", &save)) == NULL ||
		    (slash = strchr(pp, '/')) == NULL || strcmp(slash + 1, proto) != 0)
			continue;
		*slash = '\0';
		for (; w != NULL && w[0] != '#'; w = strtok_r(NULL, " \t\n", &save))
			if (strcmp(w, name) == 0) {
				port = atoi(pp);
				break;
			}
	}
	fclose(f);
	return port;
}

/* The addresses of `host` in /etc/hosts. */
static void
from_hosts(struct addrs *out, const char *host, int port)
{
	FILE *f = fopen("/etc/hosts", "re");
	char line[1024];

	if (f == NULL)
		return;
	while (fgets(line, sizeof line, f) != NULL) {
		char *save, *addr = strtok_r(line, " \t\n", &save), *w;
		if (addr == NULL || addr[0] == '#')
			continue;
		while ((w = strtok_r(NULL, " \t\n", &save)) != NULL && w[0] != '#')
			if (strcasecmp(w, host) == 0) {
				add_numeric(out, addr, port);
				break;
			}
	}
	fclose(f);
}

/* The addresses `getent ahosts HOST` prints (one "ADDR TYPE [NAME]" a
 * line, each address once per socket type). */
static void
from_getent(struct addrs *out, const char *host, int port)
{
	char *text, *line, *save;

	if (host[0] == '-' || (text = user_getent("ahosts", host)) == NULL)
		return;
	for (line = strtok_r(text, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
		char *sp = strpbrk(line, " \t");
		if (sp == NULL || strncmp(sp + strspn(sp, " \t"), "STREAM", 6) != 0)
			continue;
		*sp = '\0';
		add_numeric(out, line, port);
	}
	free(text);
}

/* Fills `out`; returns 0, or -1 after the message. */
static int
resolve(struct shell *sh, const char *host, const char *serv, int type, struct addrs *out)
{
	int port;

	if (serv[strspn(serv, "0123456789")] == '\0' && strlen(serv) <= 5)
		port = atoi(serv);
	else
		port = service_port(serv, type == SOCK_STREAM ? "tcp" : "udp");
	if (port < 0 || port > 65535) {
		diag_error(sh, "%s: Servname not supported for ai_socktype", serv);
		return -1;
	}
	if (!add_numeric(out, host, port)) {
		from_hosts(out, host, port);
		if (out->n == 0)
			from_getent(out, host, port);
	}
	if (out->n == 0) {
		diag_error(sh, "%s: Name or service not known", host);
		return -1;
	}
	return 0;
}
#else
static int
resolve(struct shell *sh, const char *host, const char *serv, int type, struct addrs *out)
{
	struct addrinfo hints = { .ai_socktype = type }, *res, *ai;
	int rc = getaddrinfo(host, serv, &hints, &res);

	if (rc != 0) {
		diag_error(sh, "%s: %s", rc == EAI_SERVICE ? serv : host, gai_strerror(rc));
		return -1;
	}
	for (ai = res; ai != NULL && out->n < MAX_ADDRS; ai = ai->ai_next) {
		memcpy(&out->a[out->n], ai->ai_addr, ai->ai_addrlen);
		out->len[out->n++] = ai->ai_addrlen;
	}
	freeaddrinfo(res);
	return 0;
}
#endif

int
net_open(struct shell *sh, const char *path)
{
	const char *p, *slash;
	char host[256];
	struct addrs addrs;
	int type, fd = -1, err = 0;

	if (sh->opt.posix)
		return -2;
	if (strncmp(path, "/dev/tcp/", 9) == 0)
		type = SOCK_STREAM;
	else if (strncmp(path, "/dev/udp/", 9) == 0)
		type = SOCK_DGRAM;
	else
		return -2;
	p = path + 9;
	if ((slash = strchr(p, '/')) == NULL || slash == p || slash[1] == '\0' ||
	    strchr(slash + 1, '/') != NULL || (size_t)(slash - p) >= sizeof host)
		return -2;	/* not HOST/PORT: an ordinary file name (bash) */
	memcpy(host, p, (size_t)(slash - p));
	host[slash - p] = '\0';
	addrs.n = 0;
	if (resolve(sh, host, slash + 1, type, &addrs) != 0) {
		errno = EINVAL;
		diag_errno(sh, "%s", path);
		return -1;
	}
	for (size_t i = 0; i < addrs.n && fd < 0; i++) {
		fd = socket(addrs.a[i].ss_family, type | SOCK_CLOEXEC, 0);
		if (fd < 0) {
			err = errno;
			continue;
		}
		if (connect(fd, (struct sockaddr *)&addrs.a[i], addrs.len[i]) != 0) {
			err = errno;
			close(fd);
			fd = -1;
		}
	}
	if (fd < 0) {
		errno = err;
		diag_sys(sh, "connect");
		errno = err;
		diag_errno(sh, "%s", path);
	}
	return fd;
}
