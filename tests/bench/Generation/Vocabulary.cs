namespace Spcncl.Bench.Generation;

/// <summary>
/// The words generated enterprises and products are made of, per sector of the programme (codes as in
/// reference/programme.md and the seed's sector pages), in the style of the demo seed: "Máy tiện CNC {Brand} CT-25",
/// "{Brand} CNC lathe CT-25". Each entry is "tiếng Việt|English".
/// </summary>
public static class Vocabulary
{
    public static readonly IReadOnlyList<SectorWords> Sectors =
    [
        new(
            "mechanical",
            ["Cơ khí|Mechanical Engineering", "Chế tạo máy|Machinery", "Thiết bị công nghiệp|Industrial Equipment", "Cơ khí chính xác|Precision Engineering"],
            "thiết bị cơ khí|mechanical equipment",
            ["phục vụ các nhà máy chế tạo, xây dựng và nông nghiệp|for factories, construction sites and farms", "thay thế hàng nhập khẩu cùng loại|replacing imported equipment of the same class", "cho dây chuyền sản xuất công nghiệp|for industrial production lines"],
            ["Gia công trên máy CNC, dung sai nhỏ|CNC machined to tight tolerances", "Thép chế tạo được kiểm tra thành phần|Structural steel with verified composition", "Lắp đặt, chạy thử và đào tạo vận hành tại nhà máy khách hàng|Installation, commissioning and operator training on the customer's site", "Phụ tùng thay thế sẵn có trong nước|Spare parts available in Vietnam", "Tiết kiệm năng lượng so với thế hệ trước|More energy-efficient than the previous generation", "Sơn tĩnh điện chống ăn mòn|Corrosion-resistant powder coating"],
            [
                new("Máy tiện CNC|CNC lathe", "CT-{0}", ["7", "15", "25", "30", "40", "60"], [Spec("Đường kính tiện lớn nhất|Max. turning diameter", "250 mm", "320 mm", "400 mm", "500 mm"), Spec("Hệ điều khiển|Controller", "Fanuc 0i-TF", "Siemens 828D", "Mitsubishi M80")]),
                new("Cầu trục dầm đôi|double-girder overhead crane", "{0} tấn|{0} t", ["5", "10", "20", "30", "50", "100", "160", "250"], [Spec("Khẩu độ|Span", "10–22 m", "16–28 m", "22–34 m"), Spec("Chế độ làm việc|Duty class", "A3", "A5", "A6")]),
                new("Hộp số giảm tốc|gear reducer", "HG-{0}", ["7", "15", "40", "60", "100"], [Spec("Tỉ số truyền|Ratio", "1:10", "1:20", "1:40", "1:60"), Spec("Công suất|Power", "0,75 kW|0.75 kW", "2,2 kW|2.2 kW", "7,5 kW|7.5 kW")]),
                new("Bơm ly tâm công nghiệp|industrial centrifugal pump", "BL-{0}", ["60", "80", "100", "150", "250"], [Spec("Lưu lượng|Flow rate", "30 m³/h", "60 m³/h", "120 m³/h"), Spec("Cột áp|Head", "20 m", "32 m", "50 m")]),
                new("Van công nghiệp|industrial valves", "DN{0}", ["50", "60", "80", "100", "150"], [Spec("Áp suất làm việc|Working pressure", "PN10", "PN16", "PN25"), Spec("Vật liệu thân|Body material", "Gang cầu|Ductile iron", "Thép không gỉ 304|Stainless steel 304")]),
                new("Khuôn ép nhựa chính xác|precision injection mould", null, [], [Spec("Số lòng khuôn|Cavities", "1", "2", "4", "8"), Spec("Thép khuôn|Mould steel", "P20", "NAK80", "S136")]),
                new("Kết cấu thép nhà xưởng|steel structures for factories", null, [], [Spec("Khẩu độ|Span", "24 m", "36 m", "48 m"), Spec("Tiêu chuẩn thiết kế|Design standard", "TCVN 5575:2012", "AISC 360")]),
                new("Máy gặt đập liên hợp mini|compact combine harvester", null, [], [Spec("Bề rộng cắt|Cutting width", "1,2 m|1.2 m", "1,4 m|1.4 m", "1,6 m|1.6 m"), Spec("Năng suất|Capacity", "0,2 ha/giờ|0.2 ha/h", "0,3 ha/giờ|0.3 ha/h")]),
                new("Phụ tùng xe máy|motorcycle parts", null, [], [Spec("Nhóm sản phẩm|Product group", "Nhông xích|Chains and sprockets", "Má phanh|Brake pads", "Giảm xóc|Shock absorbers")]),
                new("Máy nén khí trục vít|screw air compressor", "{0} kW", ["7", "11", "15", "22", "37", "55"], [Spec("Áp suất|Pressure", "8 bar", "10 bar", "13 bar"), Spec("Lưu lượng khí|Air delivery", "1,2 m³/phút|1.2 m³/min", "2,5 m³/phút|2.5 m³/min", "6,1 m³/phút|6.1 m³/min")]),
            ]),
        new(
            "electrical",
            ["Điện|Electrical", "Điện tử|Electronics", "Thiết bị điện|Electrical Equipment", "Chiếu sáng|Lighting"],
            "thiết bị điện và điện tử|electrical and electronic equipment",
            ["cho công trình dân dụng và công nghiệp|for homes, offices and factories", "cho lưới điện phân phối|for distribution networks", "tiết kiệm điện cho hộ gia đình|that cut households' electricity bills"],
            ["Linh kiện được kiểm tra 100% trước khi xuất xưởng|Every component tested before it leaves the factory", "Đạt tiêu chuẩn an toàn điện IEC|Meets IEC electrical safety standards", "Hiệu suất năng lượng cao|High energy efficiency", "Vỏ chống bụi và nước|Dust- and water-resistant housing", "Tuổi thọ cao, bảo hành dài hạn|Long service life and a long warranty", "Thiết kế và lắp ráp tại Hà Nội|Designed and assembled in Hanoi"],
            [
                new("Đèn LED bulb|LED bulb", "{0}W|{0} W", ["5", "9", "12", "18", "30", "50"], [Spec("Quang thông|Luminous flux", "450 lm", "900 lm", "1.500 lm|1,500 lm"), Spec("Nhiệt độ màu|Colour temperature", "3000 K", "4000 K", "6500 K")]),
                new("Đèn đường LED|LED street light", "{0}W|{0} W", ["30", "60", "100", "150", "250"], [Spec("Cấp bảo vệ|Ingress protection", "IP65", "IP66"), Spec("Hiệu suất quang|Luminous efficacy", "130 lm/W", "150 lm/W")]),
                new("Đèn năng lượng mặt trời|solar lighting", "{0}W|{0} W", ["60", "100", "200", "300"], [Spec("Pin lưu trữ|Battery", "LiFePO4 12 Ah", "LiFePO4 30 Ah"), Spec("Thời gian chiếu sáng|Lighting time", "10–12 giờ|10–12 h")]),
                new("Máy biến áp phân phối|distribution transformer", "{0} kVA", ["50", "100", "160", "250", "400", "630"], [Spec("Điện áp|Voltage", "22/0,4 kV|22/0.4 kV", "35/0,4 kV|35/0.4 kV"), Spec("Tổn hao không tải|No-load loss", "Thấp theo QĐ 62/QĐ-EVN|Low, to EVN rule 62")]),
                new("Cáp điện lực hạ thế|low-voltage power cable", "{0}", ["CXV", "CVV", "DSTA", "AXV"], [Spec("Ruột dẫn|Conductor", "Đồng|Copper", "Nhôm|Aluminium"), Spec("Tiết diện|Cross-section", "4–240 mm²", "16–400 mm²")]),
                new("Công tơ điện tử|electronic electricity meter", "{0}", ["1 pha|single-phase", "3 pha|three-phase"], [Spec("Cấp chính xác|Accuracy class", "1", "0,5S|0.5S"), Spec("Giao tiếp|Communication", "RF", "PLC", "RS-485")]),
                new("Tủ điện điều khiển|control panels", null, [], [Spec("Dòng định mức|Rated current", "100 A", "400 A", "1.600 A|1,600 A"), Spec("Tiêu chuẩn|Standard", "IEC 61439")]),
                new("Quạt điện|electric fan", "{0} cm", ["30", "40", "45"], [Spec("Công suất|Power", "45 W", "55 W", "65 W"), Spec("Số tốc độ|Speeds", "3", "5")]),
                new("Ổn áp|voltage stabiliser", "{0} kVA", ["1", "2", "5", "10", "15"], [Spec("Dải điện áp vào|Input range", "90–250 V", "150–250 V")]),
                new("Bình nước nóng|electric water heater", "{0} L", ["15", "20", "30"], [Spec("Công suất|Power", "2.500 W|2,500 W"), Spec("Lớp tráng men|Enamel lining", "Titanium")]),
            ]),
        new(
            "it",
            ["Công nghệ|Technology", "Công nghệ số|Digital Technology", "Phần mềm|Software", "Giải pháp công nghệ|Technology Solutions"],
            "phần mềm và thiết bị công nghệ thông tin|software and IT equipment",
            ["cho cơ quan nhà nước và doanh nghiệp|for public agencies and businesses", "triển khai trên nền tảng đám mây|deployed in the cloud", "cho chuyển đổi số của doanh nghiệp vừa và nhỏ|for the digital transformation of small and medium businesses"],
            ["Dữ liệu lưu trữ tại Việt Nam|Data stored in Vietnam", "Giao diện tiếng Việt và tiếng Anh|Vietnamese and English interfaces", "Bảo mật theo ISO/IEC 27001|Security managed to ISO/IEC 27001", "Kết nối API với hệ thống sẵn có|APIs to connect existing systems", "Hỗ trợ kỹ thuật 24/7|Technical support around the clock", "Triển khai nhanh, đào tạo người dùng|Fast roll-out with user training"],
            [
                new("Camera thông minh|smart camera", "{0}", ["AI", "AI Pro", "AI 4K"], [Spec("Độ phân giải|Resolution", "2 MP", "4 MP", "8 MP"), Spec("Nhận diện|Recognition", "Khuôn mặt|Faces", "Biển số xe|Number plates")]),
                new("Hóa đơn điện tử|e-invoice service", null, [], [Spec("Chuẩn dữ liệu|Data standard", "Nghị định 123/2020/NĐ-CP|Decree 123/2020/ND-CP")]),
                new("Hệ thống giám sát an ninh mạng|cyber-security monitoring", "{0}", ["SOC", "SIEM"], [Spec("Giám sát|Monitoring", "24/7")]),
                new("Nền tảng chính quyền số|digital government platform", null, [], [Spec("Kết nối|Integration", "NDXP, LGSP")]),
                new("Nền tảng học trực tuyến|online learning platform", null, [], [Spec("Người dùng đồng thời|Concurrent users", "10.000|10,000", "50.000|50,000")]),
                new("Phần mềm quản lý bệnh viện|hospital information system", "{0}", ["HIS", "LIS", "PACS"], [Spec("Chuẩn|Standard", "HL7 FHIR")]),
                new("Phần mềm quản trị doanh nghiệp|ERP business management software", "{0}", ["ERP", "ERP Cloud"], [Spec("Phân hệ|Modules", "Tài chính, kho, bán hàng|Finance, stock, sales")]),
                new("Thiết bị chuyển mạch|network switch", "SW-{0}", ["8", "16", "24", "48"], [Spec("Cổng|Ports", "Gigabit", "10 Gigabit"), Spec("Quản lý|Management", "Layer 2", "Layer 3")]),
                new("Phần mềm kế toán|accounting software", null, [], [Spec("Chế độ kế toán|Accounting regime", "Thông tư 200|Circular 200", "Thông tư 133|Circular 133")]),
                new("Bộ phát wifi|Wi-Fi router", "AX{0}", ["1800", "3000", "5400"], [Spec("Chuẩn|Standard", "Wi-Fi 6", "Wi-Fi 6E")]),
            ]),
        new(
            "textile",
            ["Dệt may|Textile", "May mặc|Garment", "Da giày|Leather and Footwear", "Thời trang|Fashion"],
            "hàng dệt may, da giày|textiles, garments and footwear",
            ["cho thị trường trong nước và xuất khẩu|for the home market and for export", "theo đơn đặt hàng của các thương hiệu quốc tế|made to order for international brands", "cho trường học, bệnh viện và nhà máy|for schools, hospitals and factories"],
            ["Nguyên liệu có nguồn gốc rõ ràng|Traceable raw materials", "Đạt chứng nhận OEKO-TEX|OEKO-TEX certified", "Đường may chắc chắn, bền màu|Strong seams and colour-fast fabric", "Thiết kế theo yêu cầu của khách hàng|Designs to the customer's brief", "Sản xuất theo tiêu chuẩn WRAP|Made to WRAP standards", "Đóng gói theo quy cách xuất khẩu|Export-ready packing"],
            [
                new("Bít tất|socks", null, [], [Spec("Chất liệu|Material", "Cotton 80%", "Sợi tre|Bamboo fibre")]),
                new("Giày thể thao|sports shoes", null, [], [Spec("Đế|Sole", "Cao su|Rubber", "EVA"), Spec("Cỡ|Sizes", "36–44")]),
                new("Quần jean|jeans", null, [], [Spec("Vải|Fabric", "Denim 12 oz", "Denim co giãn|Stretch denim")]),
                new("Quần áo bảo hộ lao động|workwear", null, [], [Spec("Tiêu chuẩn|Standard", "EN ISO 13688", "EN ISO 20471")]),
                new("Sợi cotton chải kỹ|combed cotton yarn", "Ne{0}", ["20", "30", "40", "60"], [Spec("Độ bền|Strength", "16 cN/tex", "18 cN/tex")]),
                new("Túi xách da thật|genuine leather handbags", null, [], [Spec("Da|Leather", "Da bò thuộc thảo mộc|Vegetable-tanned cowhide")]),
                new("Vải dệt kim|knitted fabric", null, [], [Spec("Định lượng|Weight", "160 g/m²", "220 g/m²")]),
                new("Đồng phục học sinh|school uniforms", null, [], [Spec("Vải|Fabric", "Kate", "Cotton pha|Cotton blend")]),
                new("Áo sơ mi nam|men's shirts", null, [], [Spec("Vải|Fabric", "Cotton 100%", "Cotton pha sợi tre|Cotton and bamboo")]),
                new("Áo khoác gió|windbreaker jackets", null, [], [Spec("Chống nước|Water resistance", "5.000 mm|5,000 mm")]),
            ]),
        new(
            "food",
            ["Thực phẩm|Foods", "Chế biến nông sản|Agricultural Processing", "Đồ uống|Beverages", "Sữa|Dairy"],
            "nông sản và thực phẩm chế biến|processed agricultural products and foods",
            ["cho bữa ăn gia đình Việt|for Vietnamese family meals", "từ nguyên liệu vùng ven đô Hà Nội|from farms around Hanoi", "cho hệ thống siêu thị và xuất khẩu|for supermarkets and export"],
            ["Nguyên liệu tuyển chọn, truy xuất nguồn gốc bằng mã QR|Selected ingredients, traceable by QR code", "Sản xuất theo HACCP và ISO 22000|Made under HACCP and ISO 22000", "Không chất bảo quản|No preservatives", "Đạt chứng nhận OCOP 4 sao|Four-star OCOP certified", "Đóng gói hút chân không|Vacuum packed", "Hạn sử dụng 12 tháng|Twelve-month shelf life"],
            [
                new("Bánh cốm|green rice cakes", null, [], [Spec("Khối lượng|Weight", "200 g", "500 g")]),
                new("Bún, phở khô|dried rice noodles", null, [], [Spec("Khối lượng|Weight", "300 g", "500 g")]),
                new("Chè xanh|green tea", null, [], [Spec("Vùng nguyên liệu|Origin", "Thái Nguyên", "Ba Vì")]),
                new("Giò chả|Vietnamese pork rolls", null, [], [Spec("Bảo quản|Storage", "0–4 °C")]),
                new("Nước uống đóng chai|bottled water", "{0} ml", ["350", "500", "1500"], [Spec("Độ pH|pH", "7,2|7.2", "7,5|7.5")]),
                new("Sản phẩm OCOP từ nấm|mushroom products", null, [], [Spec("Loại nấm|Mushroom", "Nấm linh chi|Reishi", "Nấm đông trùng hạ thảo|Cordyceps")]),
                new("Sữa chua|yoghurt", null, [], [Spec("Hương vị|Flavour", "Có đường|Sweetened", "Nha đam|Aloe vera")]),
                new("Sữa tươi tiệt trùng|UHT fresh milk", "{0} ml", ["110", "180", "1000"], [Spec("Nguồn sữa|Milk from", "Trang trại Ba Vì|Ba Vì farms")]),
                new("Nước mắm|fish sauce", "{0} độ đạm|{0}° N", ["30", "40"], [Spec("Dung tích|Volume", "500 ml")]),
                new("Gạo thơm|fragrant rice", "{0} kg", ["2", "5", "10"], [Spec("Giống|Variety", "ST25", "Bắc Hương|Bac Huong")]),
                new("Cà phê rang xay|roasted ground coffee", null, [], [Spec("Hạt|Beans", "Robusta", "Arabica")]),
            ]),
        new(
            "chemicals",
            ["Hóa chất|Chemicals", "Cao su|Rubber", "Nhựa|Plastics", "Dược phẩm|Pharmaceuticals"],
            "hóa chất, cao su, nhựa và dược phẩm|chemicals, rubber, plastics and pharmaceuticals",
            ["cho công nghiệp và xây dựng|for industry and construction", "cho ngành y tế|for healthcare", "thay thế sản phẩm nhập khẩu|replacing imported products"],
            ["Nguyên liệu đạt chuẩn châu Âu|Raw materials to European standards", "Phòng thí nghiệm kiểm tra từng lô|Every batch tested in our laboratory", "Đạt GMP-WHO|GMP-WHO certified", "Không chứa kim loại nặng|Free of heavy metals", "Thân thiện với môi trường|Environmentally friendly", "Quy trình sản xuất tự động|Automated production"],
            [
                new("Bao bì nhựa|plastic packaging", null, [], [Spec("Vật liệu|Material", "PET", "HDPE", "PP")]),
                new("Băng tải cao su|rubber conveyor belts", null, [], [Spec("Lõi|Carcass", "EP 100–500"), Spec("Chịu nhiệt|Heat resistance", "Đến 150 °C|Up to 150 °C")]),
                new("Găng tay y tế|medical gloves", null, [], [Spec("Chất liệu|Material", "Nitrile", "Latex"), Spec("Tiêu chuẩn|Standard", "EN 455")]),
                new("Săm lốp xe máy|motorcycle tyres and tubes", null, [], [Spec("Cỡ|Size", "70/90-17", "80/90-17")]),
                new("Sơn nước nội ngoại thất|interior and exterior paint", null, [], [Spec("Độ phủ|Coverage", "10–12 m²/L")]),
                new("Thuốc từ dược liệu|herbal medicines", null, [], [Spec("Dạng bào chế|Form", "Viên nang|Capsules", "Cao lỏng|Liquid extract")]),
                new("Ống nhựa uPVC|uPVC pipes", "D{0}", ["21", "34", "60", "90", "110"], [Spec("Áp suất|Pressure", "PN8", "PN10")]),
                new("Phân bón NPK|NPK fertiliser", "{0}", ["16-16-8", "20-20-15", "15-15-15"], [Spec("Khối lượng|Weight", "25 kg", "50 kg")]),
                new("Chất tẩy rửa|detergents", null, [], [Spec("Dạng|Form", "Lỏng|Liquid", "Bột|Powder")]),
                new("Ống nhựa HDPE|HDPE pipes", "D{0}", ["32", "63", "110", "160"], [Spec("Vật liệu|Material", "PE100")]),
            ]),
        new(
            "materials",
            ["Vật liệu xây dựng|Building Materials", "Bê tông|Concrete", "Gạch ngói|Bricks and Tiles", "Kính|Glass"],
            "vật liệu xây dựng|building materials",
            ["cho nhà ở và công trình công nghiệp|for housing and industrial buildings", "cho công trình xanh|for green buildings", "cho hạ tầng giao thông|for roads and bridges"],
            ["Đạt tiêu chuẩn TCVN|Meets Vietnamese standards (TCVN)", "Nhẹ, cách âm, cách nhiệt|Light, with sound and heat insulation", "Sử dụng tro xỉ tái chế|Made with recycled ash", "Dây chuyền tự động hóa|Automated production line", "Giao hàng tận công trình|Delivered to site", "Tư vấn kỹ thuật thi công|Technical advice on installation"],
            [
                new("Bê tông khí chưng áp|autoclaved aerated concrete", null, [], [Spec("Tỷ trọng|Density", "500 kg/m³", "600 kg/m³")]),
                new("Gạch không nung|unfired bricks", null, [], [Spec("Mác|Grade", "M75", "M100")]),
                new("Gạch ốp lát|floor and wall tiles", "{0}", ["30x60", "60x60", "80x80"], [Spec("Bề mặt|Finish", "Men bóng|Glazed", "Men mờ|Matt")]),
                new("Kính cường lực|tempered glass", "{0} mm", ["8", "10", "12"], [Spec("Tiêu chuẩn|Standard", "TCVN 7455")]),
                new("Vữa khô trộn sẵn|dry-mix mortar", null, [], [Spec("Mác|Grade", "M75", "M100")]),
                new("Cọc bê tông ly tâm|spun concrete piles", "D{0}", ["300", "400", "500"], [Spec("Chiều dài|Length", "6–15 m")]),
                new("Ngói màu|coloured roof tiles", null, [], [Spec("Màu|Colour", "Đỏ|Red", "Xám|Grey")]),
                new("Tấm thạch cao|plasterboard", "{0} mm", ["9", "12"], [Spec("Loại|Type", "Chống ẩm|Moisture-resistant", "Chống cháy|Fire-resistant")]),
                new("Đá ốp lát nhân tạo|engineered stone", null, [], [Spec("Độ dày|Thickness", "15 mm", "20 mm")]),
            ]),
        new(
            "handicrafts",
            ["Mỹ nghệ|Handicrafts", "Thủ công mỹ nghệ|Fine Crafts", "Gốm sứ|Ceramics", "Lụa|Silk"],
            "hàng thủ công mỹ nghệ|handicrafts",
            ["làm thủ công tại làng nghề Hà Nội|handmade in Hanoi's craft villages", "làm quà tặng doanh nghiệp|as corporate gifts", "cho trang trí nội thất|for interior decoration"],
            ["Do nghệ nhân làng nghề làm thủ công|Handmade by village artisans", "Nguyên liệu tự nhiên|Natural materials", "Mẫu mã độc đáo, mang bản sắc Việt|Distinctive Vietnamese designs", "Nhận đặt hàng theo thiết kế riêng|Custom designs to order", "Đóng gói quà tặng|Gift packaging", "Xuất khẩu sang Nhật Bản và châu Âu|Exported to Japan and Europe"],
            [
                new("Khăn lụa tơ tằm|mulberry silk scarves", null, [], [Spec("Chất liệu|Material", "Tơ tằm Vạn Phúc|Van Phuc silk")]),
                new("Tranh sơn mài|lacquer paintings", null, [], [Spec("Kích thước|Size", "40x60 cm", "60x90 cm")]),
                new("Đồ gỗ mỹ nghệ|fine woodcraft", null, [], [Spec("Gỗ|Wood", "Gỗ hương|Rosewood", "Gỗ gụ|Sindora")]),
                new("Đồ mây tre đan|rattan and bamboo ware", null, [], [Spec("Nguyên liệu|Material", "Mây|Rattan", "Tre|Bamboo")]),
                new("Gốm sứ Bát Tràng|Bat Trang ceramics", null, [], [Spec("Men|Glaze", "Men rạn|Crackle glaze", "Men lam|Blue glaze")]),
                new("Nón lá|conical hats", null, [], [Spec("Lá|Leaf", "Lá cọ|Palm leaf")]),
                new("Tranh thêu tay|hand-embroidered pictures", null, [], [Spec("Chỉ|Thread", "Chỉ tơ tằm|Silk thread")]),
                new("Khảm trai|mother-of-pearl inlay", null, [], [Spec("Vật liệu|Material", "Vỏ trai, gỗ|Shell and wood")]),
                new("Đồ đồng mỹ nghệ|bronze crafts", null, [], [Spec("Kỹ thuật|Technique", "Đúc thủ công|Hand cast")]),
            ]),
    ];

    /// <summary>First and second syllables of enterprises' distinctive names ("Thành Nam", "Quang Minh").</summary>
    public static readonly IReadOnlyList<string> FirstSyllables =
        ["An", "Bảo", "Bình", "Đại", "Đức", "Gia", "Hà", "Hải", "Hòa", "Hoàng", "Hồng", "Hưng", "Kim", "Lạc", "Long", "Minh", "Nam", "Nhật", "Phú", "Phúc", "Phương", "Quang", "Sơn", "Tân", "Thái", "Thành", "Thiên", "Tiến", "Toàn", "Trí", "Trường", "Việt", "Vĩnh", "Xuân", "Đông", "Tây", "Bắc", "Kinh", "Thăng", "Sao"];

    public static readonly IReadOnlyList<string> SecondSyllables =
        ["An", "Bình", "Cường", "Dũng", "Đạt", "Đô", "Hà", "Hải", "Hòa", "Hưng", "Khang", "Khánh", "Lâm", "Long", "Lợi", "Mai", "Minh", "Nam", "Ngân", "Phát", "Phong", "Phú", "Phúc", "Quang", "Sơn", "Tài", "Tâm", "Thành", "Thắng", "Thịnh", "Tiến", "Tín", "Trung", "Tú", "Việt", "Vinh", "Xuân", "Á", "Dương", "Gia"];

    /// <summary>Company forms: "{0}" is the trade name (sector word and distinctive name).</summary>
    public static readonly IReadOnlyList<Bilingual> CompanyForms =
        [Bilingual.Parse("Công ty TNHH {0}|{0} Company Limited"), Bilingual.Parse("Công ty Cổ phần {0}|{0} Joint Stock Company"), Bilingual.Parse("Công ty TNHH MTV {0}|{0} One Member Company Limited")];

    public static readonly IReadOnlyList<Bilingual> Sites =
        [Bilingual.Parse("Khu công nghiệp Thăng Long|Thang Long Industrial Park"), Bilingual.Parse("Khu công nghiệp Quang Minh|Quang Minh Industrial Park"), Bilingual.Parse("Khu công nghiệp Nội Bài|Noi Bai Industrial Park"), Bilingual.Parse("Khu công nghiệp Phú Nghĩa|Phu Nghia Industrial Park"), Bilingual.Parse("Cụm công nghiệp|Industrial cluster")];

    public static readonly IReadOnlyList<string> Certifications = ["ISO 9001:2015", "ISO 14001:2015", "ISO 45001:2018", "ISO 22000:2018", "ISO/IEC 27001:2022", "HACCP", "CE", "UL"];

    private static SpecWords Spec(string key, params string[] values) => new(Bilingual.Parse(key), [.. values.Select(Bilingual.Parse)]);
}

/// <param name="EnterpriseWords">Words in enterprises' trade names ("Cơ khí Thành Nam", "Thanh Nam Mechanical Engineering").</param>
/// <param name="Activity">What its enterprises make, for descriptions.</param>
/// <param name="Uses">Who the products are for, for summaries.</param>
/// <param name="Features">Selling points, for descriptions' bullet lists.</param>
public sealed record SectorWords(string Code, IReadOnlyList<string> EnterpriseWords, string Activity, IReadOnlyList<string> Uses, IReadOnlyList<string> Features, IReadOnlyList<ProductKind> Kinds)
{
    public IReadOnlyList<Bilingual> EnterpriseWordsText { get; } = [.. EnterpriseWords.Select(Bilingual.Parse)];

    public Bilingual ActivityText { get; } = Bilingual.Parse(Activity);

    public IReadOnlyList<Bilingual> UsesText { get; } = [.. Uses.Select(Bilingual.Parse)];

    public IReadOnlyList<Bilingual> FeaturesText { get; } = [.. Features.Select(Bilingual.Parse)];
}

/// <summary>
/// A kind of product: its name ("Máy tiện CNC|CNC lathe"), the model that follows the brand ("CT-{0}" filled with one
/// of <paramref name="ModelValues"/>, each "tiếng Việt|English" too; none when <paramref name="Model"/> is null) and its specifications.
/// </summary>
public sealed record ProductKind(string Name, string? Model, IReadOnlyList<string> ModelValues, IReadOnlyList<SpecWords> Specs)
{
    public Bilingual NameText { get; } = Bilingual.Parse(Name);

    public Bilingual? ModelText { get; } = Model is null ? null : Bilingual.Parse(Model);

    public IReadOnlyList<Bilingual> ModelValuesText { get; } = [.. ModelValues.Select(Bilingual.Parse)];
}

public sealed record SpecWords(Bilingual Key, IReadOnlyList<Bilingual> Values);
