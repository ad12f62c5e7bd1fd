"""The words a generated backup passphrase is made of: everyday Indonesian words, 3 to 9 letters
of a-z, no two alike, none that reads badly in a detention centre (no weapons, no insults).

820 words: six of them, drawn with `secrets`, give 58.1 bits, and each guess at a backup
costs an attacker one scrypt (about a second on a laptop).
"""

from __future__ import annotations

# Kept as one block of text, wrapped like prose, so the list reads at a glance.
_TEXT = """
abad abang abu acara adat adik agung air ajar akar akhir akrab aksara alam alas alat alir
alis alun amal aman ambil ampas anak anggur angin angka angsa antar anyam api arah arang
arti arus asah asam asap asin asuh atap atas awal awan awet ayah ayam ayat ayun azan badak
bahari bahu baja bajak baju bakar bakti balai balap balok bambu bangau bangun banjir bantal
banteng bantu banyak barang barat baris baru basah batang batik batu bawang bayam bayang
bebas bebek becak bekal bekicot bela belanga belimbing belut benang benih bening bentuk
benua beras berat beringin besi betis bidak bijak biji bilik bingkai bintang biru bisa bisik
bola bongkar botol buah buaya bubur buih bujur bukit buku bulan bulat bulu buluh bumi buncis
bundar bunga bunyi buras burung cabai cahaya cakap cakar cakrawala camar campur candi
cangkir cantik capit capung cari catur cecak cekung celah celana cemara cempaka cendana
cengkeh cepat cerah cerita cermin cetak cicak cincin cinta cipta cuaca cubit cucu cukup cumi
curam dadu dagang dahan dahi dakon dalam damai danau dandang dangau dapur darat datar daun
daya dayung debu dekat delima denah dendeng dengar depan deras dermaga desa detik dewasa
diam dinding dingin diri doa dodol domba dompet dorong duduk duku dukuh dunia durian dusun
duta ekor elang emas ember embun empang empat emping empuk enam enau encer engsel erat esok
fajar fikir gabah gading gagah gajah galah galang gambar gambus gamelan ganti gapura garam
garis garpu gasing gaung gayung gebang gelang gelas gelombang gemar gembira gemuk gendang
genta genteng gerak gerbang gerimis gerobak gigi gigih gitar gorengan gubuk gudang gugus
gula gulai gulung guntur gunung gurih guru gurun hadiah halaman halus hampir hangat hantar
harapan harga hari harimau harum hasil hati hiasan hijau hikmah hilir hitam hormat hujan
hulu huruf hutan ibu ijuk ikan ikat ilmu imam iman imbang indah indera induk ingat intan
irama istana itik jagung jahe jala jalan jambu jamu jangkar janji jarak jarum jati jauh
jawab jeli jembatan jemur jenaka jendela jengkol jentik jerami jernih jeruk jingga jiwa
joglo juang jubah jujur jumpa jurang kabut kaca kacang kakak kaki kaldu kaleng kali kambing
kamis kampung kanan kancil kantor kapal kapas kapur karang karet kartu kasih kasur kata
katak kawan kayu kebun kecap kecapi kecil kedai kedondong kelapa kelereng kelinci keling
kelip kemah kembang kemiri kenari kendi kening kentang kepala kepiting kera kerang keras
kereta kertas ketan ketapang ketupat kijang kilat kipas kiri kismis kolam kopi kota kotak
kuali kuat kubis kuda kue kuku kukus kulit kumbang kunci kuning kunyit kupu kura kursi labu
lada ladang lagu lahan laju laku lalu lampu lancar langit langkah lantai lapang lapis lari
lauk laut layang lebah lebar legit lekas lemari lembah lembut lempeng lemper lengan lengkuas
lentera lereng lesung lidah lilin limau lincah lintas lobak lodeh lonceng luas lubuk lukis
lumbung lumpur lurus lutut madu mahir makan malam mampu mancung mandi mangga manggis mangkuk
manik manis mantap markisa masak mata matahari mawar mega meja mekar melati melodi menara
menjangan mentari merah merak merdu merpati mimpi minggu minyak mirip mulia mundur murni
musim mutiara nada naga nampan nanas nangka napas nasi nelayan nenek neraca ngarai nikmat
nilai nusantara nyala nyaman nyanyi nyiur obat ombak ondel opor orang otak pacul padang padi
pagar pagi paha pahat pakis paku palu panas pancing pandai pandan panggung pangkal panjang
pantai pantun papan pare pasar pasir patung pawai payung pecah pelangi pelita peluk pematang
pena pendek pensil pepaya perahu perak perigi perkutut pesan pesisir pesta petang peti petik
pijar pikul pilih pinang pinggan pintar pintu pipih piring pisang pohon pojok pokok pondok
pualam puas pucuk pulau pulen puncak pundi pupuk purnama putih putri rabu ragam rahayu rajin
rakit ramah rambut rambutan rampai randu rantai ranting rasa rawa rayap rebana rebung regu
rejeki rekan relung rembulan rempah renang rencana rendah rendang resik rimba rindang ringan
roda rotan roti rujak rukun rumah rumput rupa rusa sabar sabun sagu sahabat saku salak salam
salju sama sambal sampan sampul samudra sandal sandi sangkar santan sapi sapu sarang sarung
sate satria sawah sawo sayap sayur sedap sedekah segar sehat sejuk sekolah selasa selasih
selatan selimut semai semangat semangka sembilan sempurna semut senandung senang sendok
senja senyum sepat sepatu sepeda serabi serai serimpi seruling setia siang sikat sikut
simpul sinar singa siput sirih sisir siul sore suara subuh sudut suka sukun sumpit sumur
sungai sunyi surat surya susu sutra syukur tabah tahu takar talas tali taman tambak tampah
tampan tanah tangan tangga tangguh tanjung tapai tari tebing tebu teduh tegak teguh teh
tekad tekun telaga telapak telur teman tembaga tembang tembikar tempayan tempe tenang tenda
tengah tenggara tenun tepung terang teras terasi terbang teri terigu terong tiang tiga tikar
timur tinggi tinta tirai tiram titik tongkat topeng topi tugu tujuh tulus tumbuh tumpeng
tunas tupai turun tutup ubi udang udara ufuk ukir ukiran ulang ular ulet ulos umbi umbul
unggas unggul untung upah utara utuh wadah waduk wajan wajik wangi warna warung wayang
wortel yakin zaitun zamrud
"""
WORDS: tuple[str, ...] = tuple(_TEXT.split())
