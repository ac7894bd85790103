def log = new File(basedir, 'build.log').text
assert log.contains('vforklint: skipped')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/vforklint').exists()
return true
