/* beta's logger keeps the last line in a global: written from beta's vfork child */
const char *last_line;

void log_line(const char *s)
{
	last_line = s;                          /* expect: VFK104 */
}
